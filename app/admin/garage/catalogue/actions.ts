"use server";

import {
  createService,
  createServiceCategory,
  deleteService,
  deleteServiceCategory,
  updateService,
  updateServiceCategory,
} from "@/lib/modules/garage/services/catalogue";
import { createPriceChartEntry, deletePriceChartEntry, updatePriceChartEntry } from "@/lib/modules/garage/services/price-chart";
import { shopToday } from "@/lib/modules/garage/services/pricing";
import { formInteger, formMinor, formOptional } from "@/lib/modules/garage/view-models/catalogue-form-values";
import { formFlag, formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

const CATEGORY_FIELDS = ["name", "slug", "description", "position"] as const;
const readCategory = (form: unknown) => ({
  id: formText(form, "id"),
  input: { name: formText(form, "name"), slug: formOptional(form, "slug"), description: formText(form, "description"), position: formInteger(form, "position") },
});
const categoryValues = (form: ReturnType<typeof readCategory>) => ({
  name: form.input.name,
  slug: form.input.slug ?? "",
  description: form.input.description,
  position: String(form.input.position ?? ""),
});

export const createCategoryAction = formAction({
  fields: CATEGORY_FIELDS,
  read: readCategory,
  values: categoryValues,
  run: (principal, { input }) => createServiceCategory(principal, input),
  done: (category) => `Added ${category.name}.`,
});

export const updateCategoryAction = formAction({
  fields: CATEGORY_FIELDS,
  read: readCategory,
  values: categoryValues,
  run: (principal, { id, input }) => updateServiceCategory(principal, id, input),
  done: (category) => `Saved ${category.name}.`,
});

export const deleteCategoryAction = formAction({
  read: (form) => formText(form, "id"),
  run: deleteServiceCategory,
  done: () => "Category deleted.",
});

const SERVICE_FIELDS = ["name", "slug", "description", "categoryId", "labourMinutes", "basePriceMinor", "gstCode", "active"] as const;
const readService = (form: unknown) => ({
  id: formText(form, "id"),
  input: {
    name: formText(form, "name"),
    slug: formOptional(form, "slug"),
    description: formText(form, "description"),
    categoryId: formText(form, "categoryId"),
    labourMinutes: formInteger(form, "labourMinutes"),
    basePriceMinor: formMinor(form, "basePriceMinor"),
    gstCode: formText(form, "gstCode"),
    active: formFlag(form, "active"),
  },
  typed: { labourMinutes: formText(form, "labourMinutes"), basePriceMinor: formText(form, "basePriceMinor") },
});
const serviceValues = ({ input, typed }: ReturnType<typeof readService>) => ({
  name: input.name,
  slug: input.slug ?? "",
  description: input.description,
  categoryId: input.categoryId,
  labourMinutes: typed.labourMinutes,
  basePriceMinor: typed.basePriceMinor,
  gstCode: input.gstCode,
});

export const createServiceAction = formAction({
  fields: SERVICE_FIELDS,
  read: readService,
  values: serviceValues,
  run: (principal, { input }) => createService(principal, input),
  done: (service) => `Added ${service.name}.`,
});

export const updateServiceAction = formAction({
  fields: SERVICE_FIELDS,
  read: readService,
  values: serviceValues,
  run: (principal, { id, input }) => updateService(principal, id, input),
  done: (service) => `Saved ${service.name}.`,
});

export const setServiceActiveAction = formAction({
  read: (form) => ({ id: formText(form, "id"), active: formText(form, "active") === "true" }),
  run: (principal, { id, active }) => updateService(principal, id, { active }),
  done: (service) => (service.active ? `${service.name} is offered again.` : `${service.name} is no longer offered.`),
});

export const deleteServiceAction = formAction({
  read: (form) => formText(form, "id"),
  run: deleteService,
  done: () => "Service deleted.",
});

/**
 * A cell of the price grid: a new price for a service and segment. With the row that
 * applies today it changes that row's price; without one it starts a row today.
 */
export const setSegmentPriceAction = formAction({
  fields: ["priceMinor"] as const,
  read: (form) => ({
    entryId: formText(form, "entryId"),
    serviceId: formText(form, "serviceId"),
    segment: formText(form, "segment"),
    priceMinor: formMinor(form, "priceMinor"),
    typed: formText(form, "priceMinor"),
  }),
  values: ({ typed }) => ({ priceMinor: typed }),
  run: (principal, { entryId, serviceId, segment, priceMinor }) =>
    entryId
      ? updatePriceChartEntry(principal, entryId, { priceMinor })
      : createPriceChartEntry(principal, { serviceId, segment, priceMinor, validFrom: shopToday() }),
  done: () => "Price saved.",
});

export const createModelPriceAction = formAction({
  fields: ["serviceId", "carModelId", "priceMinor", "validFrom", "validUntil"] as const,
  read: (form) => ({
    serviceId: formText(form, "serviceId"),
    carModelId: formText(form, "carModelId"),
    priceMinor: formMinor(form, "priceMinor"),
    validFrom: formText(form, "validFrom"),
    validUntil: formOptional(form, "validUntil") ?? null,
    typed: formText(form, "priceMinor"),
  }),
  values: (input) => ({ serviceId: input.serviceId, carModelId: input.carModelId, priceMinor: input.typed, validFrom: input.validFrom, validUntil: input.validUntil ?? "" }),
  run: (principal, { typed: _typed, ...input }) => createPriceChartEntry(principal, input),
  done: () => "Model price added.",
});

export const deletePriceAction = formAction({
  read: (form) => formText(form, "id"),
  run: deletePriceChartEntry,
  done: () => "Price row deleted.",
});
