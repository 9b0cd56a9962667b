/**
 * The booking's inspection (the spec's Booking Analysis): the assigned mechanic (or an admin)
 * starts it from a template on a checked-in booking, rates each item OK / ATTENTION /
 * CRITICAL with a note, a measurement and up to five photos, and submits it. Submitting
 * turns each flagged item that names a service into recommended work and moves the booking
 * on: to AWAITING_APPROVAL when it recommended anything, else to IN_PROGRESS.
 *
 * Photos are kept in PostgreSQL (the original bytes and a display copy at most 1280 px
 * wide), so backups carry them and both database modes work; they are served to the
 * booking's customer and to staff only.
 */
import sharp from "sharp";
import type { Principal } from "../../../auth/principal";
import { db, type Transaction } from "../../../db";
import { withConflicts } from "../../../db-conflicts";
import { ConflictError, ForbiddenError, HttpError, NotFoundError, ValidationError, type FieldError } from "../../../errors";
import { transaction } from "../../../events/transaction";
import type { Prisma } from "../../../generated/prisma/client";
import { hasScope, requireScope } from "../../../rbac/permissions";
import { fieldError, parseInput, parseQuery, pathId } from "../../../validation";
import { recordGarageEvent } from "../events";
import { inspectionPhotoQuerySchema, inspectionStartSchema, inspectionUpdateSchema } from "../schemas";
import type { InspectionItemView, InspectionPhotoView, InspectionSubmittedView, InspectionView, RecommendationView } from "../views";
import { actsOnOwnRowsOnly, type BookingStatusName } from "../vocabulary";
import { BOOKING_MESSAGES, toBookingView } from "./bookings";
import { recommendWork } from "./recommendations";
import { lockBooking, moveBooking, requireWorkshopActor, type WorkshopBooking } from "./workshop";

export const INSPECTION_MESSAGES = {
  notFound: "This booking has no inspection yet.",
  itemNotFound: "Inspection item not found.",
  photoNotFound: "Photo not found.",
  exists: "This booking already has an inspection.",
  notCheckedIn: "An inspection starts once the car is checked in.",
  notInspecting: "The booking is not being inspected.",
  submitted: "The inspection has been submitted: it no longer changes.",
  tooManyPhotos: (max: number) => `An item holds at most ${max} photos.`,
  tooLarge: (mb: number) => `A photo may be at most ${mb} MB.`,
  notAnImage: "must be a JPEG, PNG or WebP image (checked by its content, whatever the file is called)",
  notYourPhoto: "Only the mechanic who uploaded a photo (or an admin) can remove it.",
} as const;

/** At most this many bytes per photo (the database CHECK says the same). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS_PER_ITEM = 5;
/** The display copy's widest. */
export const DISPLAY_WIDTH = 1280;

export const photoUrl = (id: string, size: "display" | "original" = "display") =>
  size === "display" ? `/api/v1/inspection-photos/${id}` : `/api/v1/inspection-photos/${id}?size=original`;

// The photo rows without their bytes: views never load images.
const photoSelect = {
  id: true,
  itemId: true,
  contentType: true,
  sizeBytes: true,
  width: true,
  height: true,
  uploadedById: true,
  createdAt: true,
} satisfies Prisma.InspectionPhotoSelect;
type PhotoRow = Prisma.InspectionPhotoGetPayload<{ select: typeof photoSelect }>;

export const inspectionInclude = {
  items: {
    orderBy: { position: "asc" },
    include: {
      service: { select: { name: true } },
      photos: { select: photoSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      recommendation: { select: { id: true } },
    },
  },
} satisfies Prisma.InspectionInclude;
export type InspectionRow = Prisma.InspectionGetPayload<{ include: typeof inspectionInclude }>;

export function toInspectionPhotoView(row: PhotoRow): InspectionPhotoView {
  return {
    id: row.id,
    itemId: row.itemId,
    contentType: row.contentType as InspectionPhotoView["contentType"],
    sizeBytes: row.sizeBytes,
    width: row.width,
    height: row.height,
    url: photoUrl(row.id),
    originalUrl: photoUrl(row.id, "original"),
    uploadedById: row.uploadedById,
    createdAt: row.createdAt.toISOString(),
  };
}

function toItemView(item: InspectionRow["items"][number]): InspectionItemView {
  return {
    id: item.id,
    position: item.position,
    label: item.label,
    rating: item.rating,
    note: item.note,
    measurement: item.measurement === null ? null : item.measurement.toNumber(),
    measurementUnit: item.measurementUnit,
    serviceId: item.serviceId,
    serviceName: item.service?.name ?? null,
    photos: item.photos.map(toInspectionPhotoView),
    recommendationId: item.recommendation?.id ?? null,
  };
}

export function toInspectionView(row: InspectionRow): InspectionView {
  return {
    id: row.id,
    bookingId: row.bookingId,
    templateId: row.templateId,
    templateName: row.templateName,
    mechanicId: row.mechanicId,
    mechanicName: row.mechanicName,
    summary: row.summary,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    items: row.items.map(toItemView),
  };
}

async function recordInspectionEvent(
  tx: Transaction,
  principal: Principal,
  booking: WorkshopBooking,
  type: "inspection.started" | "inspection.updated" | "inspection.submitted",
  view: InspectionView,
): Promise<void> {
  await recordGarageEvent(tx, {
    topic: "booking_events",
    type,
    key: booking.id,
    payload: { ...view, customerId: booking.customerId, carPlate: booking.carPlate },
    actor: principal.userId,
  });
}

/** The booking's draft inspection, for a change by its workshop actor (404 without one, 409 once submitted). */
async function draftFor(tx: Transaction, principal: Principal, bookingId: string): Promise<{ booking: WorkshopBooking; inspection: InspectionRow }> {
  const booking = await lockBooking(tx, principal, bookingId);
  await requireWorkshopActor(tx, principal, booking.id);
  const inspection = await tx.inspection.findUnique({ where: { bookingId: booking.id }, include: inspectionInclude });
  if (!inspection) throw new NotFoundError(INSPECTION_MESSAGES.notFound);
  if (inspection.submittedAt) throw new ConflictError(INSPECTION_MESSAGES.submitted);
  // A draft changes only while the car is being inspected (not once the booking was cancelled).
  if (booking.status !== "INSPECTING") throw new ConflictError(INSPECTION_MESSAGES.notInspecting);
  return { booking, inspection };
}

/** A booking the principal may read (customers: their own; others' are 404). */
async function readableBooking(principal: Principal, id: string): Promise<{ id: string; customerId: string | null }> {
  const bookingId = pathId(id, BOOKING_MESSAGES.bookingNotFound);
  const booking = await db.booking.findUnique({ where: { id: bookingId }, select: { id: true, customerId: true } });
  if (!booking || (actsOnOwnRowsOnly(principal) && booking.customerId !== principal.userId)) throw new NotFoundError(BOOKING_MESSAGES.bookingNotFound);
  return booking;
}

/** GET /bookings/{id}/inspection: the inspection with its items, ratings, measurements and photos (customers: their own bookings). */
export async function getInspection(principal: Principal, bookingId: string): Promise<InspectionView> {
  await requireScope(principal, "READ:BOOKING_ANALYSIS");
  const booking = await readableBooking(principal, bookingId);
  const row = await db.inspection.findUnique({ where: { bookingId: booking.id }, include: inspectionInclude });
  if (!row) throw new NotFoundError(INSPECTION_MESSAGES.notFound);
  return toInspectionView(row);
}

/**
 * POST /bookings/{id}/inspection: the assigned mechanic or an admin starts the inspection of a
 * checked-in booking from a template (its items copied), and the booking moves to INSPECTING.
 * A booking already moved to INSPECTING by hand may start its inspection too.
 */
export async function startInspection(principal: Principal, bookingId: string, input: unknown): Promise<InspectionView> {
  await requireScope(principal, "WRITE:BOOKING_ANALYSIS");
  const { templateId } = parseInput(inspectionStartSchema, input);
  return withConflicts(
    () =>
      transaction(async (tx) => {
        const booking = await lockBooking(tx, principal, bookingId);
        await requireWorkshopActor(tx, principal, booking.id);
        if (await tx.inspection.findUnique({ where: { bookingId: booking.id }, select: { id: true } })) throw new ConflictError(INSPECTION_MESSAGES.exists);
        if (booking.status !== "CHECKED_IN" && booking.status !== "INSPECTING") throw new ConflictError(INSPECTION_MESSAGES.notCheckedIn);
        const template = await tx.inspectionTemplate.findUnique({ where: { id: templateId }, include: { items: { orderBy: { position: "asc" } } } });
        if (!template || !template.active) throw fieldError(["body", "templateId"], "names an inspection template that does not exist or is no longer used");
        const created = await tx.inspection.create({
          data: {
            bookingId: booking.id,
            templateId: template.id,
            templateName: template.name,
            mechanicId: principal.userId,
            mechanicName: principal.name,
            items: {
              create: template.items.map((item) => ({ position: item.position, label: item.label, measurementUnit: item.measurementUnit, serviceId: item.serviceId })),
            },
          },
          include: inspectionInclude,
        });
        const moved = booking.status === "CHECKED_IN" ? await moveBooking(tx, principal, booking, "INSPECTING", { note: `Inspection started: ${template.name}.` }) : booking;
        const view = toInspectionView(created);
        await recordInspectionEvent(tx, principal, moved, "inspection.started", view);
        return view;
      }),
    { unique: INSPECTION_MESSAGES.exists },
  );
}

/** PATCH /bookings/{id}/inspection: rate items, write notes and measurements, pick the service to recommend, until submitted. */
export async function updateInspection(principal: Principal, bookingId: string, input: unknown): Promise<InspectionView> {
  await requireScope(principal, "WRITE:BOOKING_ANALYSIS");
  const { summary, items = [] } = parseInput(inspectionUpdateSchema, input);
  return transaction(async (tx) => {
    const { booking, inspection } = await draftFor(tx, principal, bookingId);
    const byId = new Map(inspection.items.map((item) => [item.id, item]));
    const problems: FieldError[] = [];
    const seen = new Set<string>();
    const serviceIds = [...new Set(items.map((item) => item.serviceId).filter((id): id is string => Boolean(id)))];
    const services = new Set(
      serviceIds.length === 0 ? [] : (await tx.garageService.findMany({ where: { id: { in: serviceIds }, active: true }, select: { id: true } })).map((row) => row.id),
    );
    items.forEach((change, index) => {
      const item = byId.get(change.id);
      if (!item) problems.push({ loc: ["body", "items", index, "id"], msg: "is not an item of this inspection", type: "value_error" });
      else if (seen.has(change.id)) problems.push({ loc: ["body", "items", index, "id"], msg: "names an item given earlier in the list", type: "value_error" });
      else if (change.measurement !== undefined && change.measurement !== null && item.measurementUnit === null) {
        problems.push({ loc: ["body", "items", index, "measurement"], msg: "this item takes no measurement", type: "value_error" });
      }
      if (change.serviceId && !services.has(change.serviceId)) problems.push({ loc: ["body", "items", index, "serviceId"], msg: "names a service that does not exist or is no longer offered", type: "value_error" });
      seen.add(change.id);
    });
    if (problems.length > 0) throw new ValidationError(problems);
    for (const change of items) {
      const { id, ...data } = change;
      if (Object.keys(data).length > 0) await tx.inspectionItem.update({ where: { id }, data });
    }
    const updated = await tx.inspection.update({ where: { id: inspection.id }, data: { ...(summary !== undefined ? { summary } : {}), updatedAt: new Date() }, include: inspectionInclude });
    const view = toInspectionView(updated);
    await recordInspectionEvent(tx, principal, booking, "inspection.updated", view);
    return view;
  });
}

// ── photos ──

type ImageType = "image/jpeg" | "image/png" | "image/webp";
const SHARP_FORMATS: Record<ImageType, string> = { "image/jpeg": "jpeg", "image/png": "png", "image/webp": "webp" };

/** The image type its first bytes declare (magic numbers), whatever the file is called. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const starts = (offset: number, signature: readonly number[]) => signature.every((byte, index) => bytes[offset + index] === byte);
  if (bytes.length >= 3 && starts(0, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (bytes.length >= 8 && starts(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (bytes.length >= 12 && starts(0, [0x52, 0x49, 0x46, 0x46]) && starts(8, [0x57, 0x45, 0x42, 0x50])) return "image/webp";
  return null;
}

interface PreparedPhoto {
  contentType: ImageType;
  bytes: Uint8Array<ArrayBuffer>;
  width: number;
  height: number;
  displayBytes: Uint8Array<ArrayBuffer>;
  displayType: "image/webp";
}

/** Checks the upload by its bytes (the magic number, then sharp decodes it) and makes the display copy. */
async function preparePhoto(bytes: Uint8Array): Promise<PreparedPhoto> {
  if (bytes.byteLength === 0) throw fieldError(["body", "photo"], "is empty");
  if (bytes.byteLength > MAX_PHOTO_BYTES) throw new HttpError(413, INSPECTION_MESSAGES.tooLarge(MAX_PHOTO_BYTES / 1024 / 1024));
  const contentType = sniffImageType(bytes);
  if (!contentType) throw fieldError(["body", "photo"], INSPECTION_MESSAGES.notAnImage);
  try {
    const image = sharp(bytes, { failOn: "error", limitInputPixels: 50_000_000 });
    const metadata = await image.metadata();
    if (metadata.format !== SHARP_FORMATS[contentType] || !metadata.width || !metadata.height) throw new Error("format mismatch");
    const display = await image.rotate().resize({ width: DISPLAY_WIDTH, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
    return {
      contentType,
      bytes: new Uint8Array(bytes),
      width: metadata.width,
      height: metadata.height,
      displayBytes: new Uint8Array(display),
      displayType: "image/webp",
    };
  } catch {
    throw fieldError(["body", "photo"], INSPECTION_MESSAGES.notAnImage);
  }
}

/** The item of the booking's draft inspection (404 when it is not one of its items). */
function draftItem(inspection: InspectionRow, itemId: string) {
  const id = pathId(itemId, INSPECTION_MESSAGES.itemNotFound);
  const item = inspection.items.find((candidate) => candidate.id === id);
  if (!item) throw new NotFoundError(INSPECTION_MESSAGES.itemNotFound);
  return item;
}

/**
 * POST /bookings/{id}/inspection/items/{itemId}/photos: one photo of an item of the draft.
 * Who may, and whether the item takes another photo, is checked before the upload is read
 * and again under the booking's lock when it is stored.
 */
export async function addInspectionPhoto(
  principal: Principal,
  bookingId: string,
  itemId: string,
  readFile: () => Promise<Uint8Array>,
): Promise<InspectionPhotoView> {
  await requireScope(principal, "WRITE:BOOKING_ANALYSIS");
  const check = async (tx: Transaction) => {
    const { booking, inspection } = await draftFor(tx, principal, bookingId);
    const item = draftItem(inspection, itemId);
    if (item.photos.length >= MAX_PHOTOS_PER_ITEM) throw new ConflictError(INSPECTION_MESSAGES.tooManyPhotos(MAX_PHOTOS_PER_ITEM));
    return { booking, inspection, item };
  };
  await db.$transaction(check);
  // The body is read only once the caller may add a photo here.
  const photo = await preparePhoto(await readFile());
  return transaction(async (tx) => {
    const { booking, inspection, item } = await check(tx);
    const row = await tx.inspectionPhoto.create({ data: { itemId: item.id, ...photo, sizeBytes: photo.bytes.byteLength, uploadedById: principal.userId }, select: photoSelect });
    const updated = await tx.inspection.update({ where: { id: inspection.id }, data: { updatedAt: new Date() }, include: inspectionInclude });
    await recordInspectionEvent(tx, principal, booking, "inspection.updated", toInspectionView(updated));
    return toInspectionPhotoView(row);
  });
}

/** The photo's booking, for one who may see it: the booking's customer and staff; anyone else gets 404 (not even 403). */
async function visiblePhoto(principal: Principal, id: string) {
  const photoId = pathId(id, INSPECTION_MESSAGES.photoNotFound);
  if (!hasScope(principal, "READ:BOOKING_ANALYSIS")) throw new NotFoundError(INSPECTION_MESSAGES.photoNotFound);
  const row = await db.inspectionPhoto.findUnique({
    where: { id: photoId },
    select: { id: true, uploadedById: true, item: { select: { inspection: { select: { bookingId: true, booking: { select: { customerId: true } } } } } } },
  });
  if (!row) throw new NotFoundError(INSPECTION_MESSAGES.photoNotFound);
  const staff = principal.role === "ADMIN" || principal.role === "MECHANIC";
  const owner = principal.role === "CUSTOMER" && row.item.inspection.booking.customerId === principal.userId;
  if (!staff && !owner) throw new NotFoundError(INSPECTION_MESSAGES.photoNotFound);
  return { ...row, bookingId: row.item.inspection.bookingId };
}

/** GET /inspection-photos/{id}: the display copy, or the original with `?size=original`. */
export async function getInspectionPhoto(principal: Principal, id: string, query: unknown = {}): Promise<{ bytes: Uint8Array<ArrayBuffer>; contentType: string }> {
  const { size = "display" } = parseQuery(inspectionPhotoQuerySchema, query);
  const photo = await visiblePhoto(principal, id);
  if (size === "original") {
    const row = await db.inspectionPhoto.findUniqueOrThrow({ where: { id: photo.id }, select: { bytes: true, contentType: true } });
    return { bytes: new Uint8Array(row.bytes), contentType: row.contentType };
  }
  const row = await db.inspectionPhoto.findUniqueOrThrow({ where: { id: photo.id }, select: { displayBytes: true, displayType: true } });
  return { bytes: new Uint8Array(row.displayBytes), contentType: row.displayType };
}

/** DELETE /inspection-photos/{id}: before the inspection is submitted, by whoever uploaded it or an admin. */
export async function deleteInspectionPhoto(principal: Principal, id: string): Promise<void> {
  await requireScope(principal, "WRITE:BOOKING_ANALYSIS");
  const photo = await visiblePhoto(principal, id);
  await transaction(async (tx) => {
    const { booking, inspection } = await draftFor(tx, principal, photo.bookingId);
    if (principal.role !== "ADMIN" && photo.uploadedById !== principal.userId) throw new ForbiddenError(INSPECTION_MESSAGES.notYourPhoto);
    const deleted = await tx.inspectionPhoto.deleteMany({ where: { id: photo.id } });
    if (deleted.count === 0) throw new NotFoundError(INSPECTION_MESSAGES.photoNotFound);
    const updated = await tx.inspection.update({ where: { id: inspection.id }, data: { updatedAt: new Date() }, include: inspectionInclude });
    await recordInspectionEvent(tx, principal, booking, "inspection.updated", toInspectionView(updated));
  });
}

// ── submitting ──

/**
 * POST /bookings/{id}/inspection/submit: every item rated (422 naming the others), then each
 * ATTENTION/CRITICAL item with a service becomes recommended work priced for the car, and the
 * booking moves to AWAITING_APPROVAL (when anything was recommended) or IN_PROGRESS.
 */
export async function submitInspection(principal: Principal, bookingId: string): Promise<InspectionSubmittedView> {
  await requireScope(principal, "WRITE:BOOKING_ANALYSIS");
  return transaction(async (tx) => {
    const { booking, inspection } = await draftFor(tx, principal, bookingId);
    const unrated: FieldError[] = inspection.items
      .filter((item) => item.rating === null)
      .map((item) => ({ loc: ["items", item.position, "rating"], msg: `"${item.label}" is not rated yet`, type: "value_error" }));
    if (unrated.length > 0) throw new ValidationError(unrated);
    const flagged = inspection.items.filter((item) => item.rating !== "OK" && item.serviceId !== null);
    const serviceIds = [...new Set(flagged.map((item) => item.serviceId!))];
    const offered = new Set((await tx.garageService.findMany({ where: { id: { in: serviceIds }, active: true }, select: { id: true } })).map((row) => row.id));
    const gone = flagged.filter((item) => !offered.has(item.serviceId!));
    if (gone.length > 0) {
      throw new ValidationError(gone.map((item) => ({ loc: ["items", item.position, "serviceId"], msg: `"${item.label}" recommends a service no longer offered: pick another`, type: "value_error" })));
    }
    const recommendations: RecommendationView[] = [];
    for (const item of flagged) {
      recommendations.push(
        await recommendWork(tx, principal, booking, {
          serviceId: item.serviceId!,
          severity: item.rating === "CRITICAL" ? "CRITICAL" : "ATTENTION",
          reason: item.note,
          inspectionItemId: item.id,
        }),
      );
    }
    await tx.inspection.update({ where: { id: inspection.id }, data: { submittedAt: new Date() } });
    // Deferred work offered again when the booking was made waits for the same decision.
    const awaiting = await tx.recommendation.count({ where: { bookingId: booking.id, status: "PENDING" } });
    const to: BookingStatusName = awaiting > 0 ? "AWAITING_APPROVAL" : "IN_PROGRESS";
    const note =
      awaiting > 0
        ? `Inspection submitted: ${awaiting} recommended ${awaiting === 1 ? "item awaits" : "items await"} your approval.`
        : "Inspection submitted: nothing more to do than the booked work.";
    const moved = await moveBooking(tx, principal, booking, to, { note });
    const view = toInspectionView(await tx.inspection.findUniqueOrThrow({ where: { id: inspection.id }, include: inspectionInclude }));
    await recordInspectionEvent(tx, principal, moved, "inspection.submitted", view);
    return { inspection: view, recommendations, booking: toBookingView(moved) };
  });
}

/**
 * The inspections of several bookings at once, by booking id (GraphQL's `Booking.inspection`,
 * one query for a whole list). Customers get their own bookings' only.
 */
export async function inspectionsForBookings(principal: Principal, bookingIds: readonly string[]): Promise<Map<string, InspectionView>> {
  await requireScope(principal, "READ:BOOKING_ANALYSIS");
  const rows = await db.inspection.findMany({
    where: { bookingId: { in: [...bookingIds] }, ...(actsOnOwnRowsOnly(principal) ? { booking: { customerId: principal.userId } } : {}) },
    include: inspectionInclude,
  });
  return new Map(rows.map((row) => [row.bookingId, toInspectionView(row)]));
}
