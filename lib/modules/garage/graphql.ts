import { type GraphQLParts, nullIfNotFound, withoutNulls } from "../../graphql/builder";
import { loadKeyed, requestLoader } from "../../graphql/loaders";
import { ledgerGraphQL } from "./graphql-ledger";
import { listAreas } from "./services/areas";
import { listCarModels } from "./services/car-models";
import {
  createService,
  deleteService,
  getService,
  listServiceCategories,
  listServices,
  updateService,
} from "./services/catalogue";
import { getContentPage, updateContentPage } from "./services/content";
import { addFavourite, listFavourites, removeFavourite } from "./services/favourites";
import { listGstRates, updateGstRate } from "./services/gst";
import {
  createPriceChartEntry,
  deletePriceChartEntry,
  getServicePrice,
  listPriceChart,
  updatePriceChartEntry,
} from "./services/price-chart";
import {
  approvalsForBookings,
  decideRecommendations,
  deferredWorkForCars,
  reviseApprovedRecommendation,
} from "./services/approvals";
import { APPROVAL_CHANNELS, APPROVAL_DECISIONS } from "./schemas";
import { ASSIGNMENT_STATUSES, BOOKING_STATUSES, CAR_FUELS, CAR_SEGMENTS, INSPECTION_RATINGS, PRICE_SOURCES, SUPPORT_QUERY_STATUSES } from "./vocabulary";
import { getInspection, inspectionsForBookings, startInspection, submitInspection, updateInspection } from "./services/inspections";
import { listInspectionTemplates } from "./services/inspection-templates";
import { addRecommendation, recommendationsForBookings, updateRecommendation } from "./services/staff-recommendations";
import type {
  AddressView,
  ApprovalItemView,
  ApprovalOutcomeView,
  ApprovalRecordView,
  RecommendationView,
  AreaView,
  AssignmentView,
  BookedServiceView,
  BookingProgressView,
  BookingView,
  CarModelSummary,
  CarModelView,
  CartLineView,
  CartView,
  ContentPageView,
  CustomerCarView,
  FavouriteView,
  GarageSlotView,
  GstRateView,
  InspectionItemView,
  InspectionPhotoView,
  InspectionSubmittedView,
  InspectionTemplateItemView,
  InspectionTemplateView,
  InspectionView,
  PriceChartEntryView,
  ServiceCategoryView,
  ServicePriceView,
  ServiceView,
  SupportQueryView,
} from "./views";
import { createAddress, deleteAddress, listAddresses } from "./services/addresses";
import { createCar, deleteCar, getCar, listCars, updateCar } from "./services/cars";
import { addCartLine, clearCart, getCart, removeCartLine, repriceCart } from "./services/cart";
import { bookedServicesOfShownBookings, cancelBooking, createBooking, getBooking, listBookings, listMyBookings } from "./services/bookings";
import { addProgressNote, deleteProgressNote, progressOfShownBookings, transitionBooking, updateProgressNote } from "./services/workshop";
import {
  assignBooking,
  assignmentsOfBookings,
  autoAssign,
  listAssignments,
  myJobs,
  reassignAssignment,
  stepAssignment,
} from "./services/assignments";
import { answerQuery, listQueries, openQuery } from "./services/queries";
import { listFreeSlots } from "./services/slots";

/**
 * The garage's part of the GraphQL API: the same services as the REST routes, so the
 * same scopes, "(own)" rules, messages and fields.
 */
export function garageGraphQL(parts: GraphQLParts): void {
  const { GarageServiceRef } = catalogueGraphQL(parts);
  const { CustomerCarRef } = customerGraphQL(parts);
  const bookingRefs = bookingGraphQL(parts);
  assignmentGraphQL(parts, bookingRefs);
  const { RecommendationRef } = inspectionGraphQL(parts, bookingRefs);
  approvalGraphQL(parts, { BookingRef: bookingRefs.BookingRef, CustomerCarRef, RecommendationRef });
  ledgerGraphQL(parts, { GarageServiceRef, BookingRef: bookingRefs.BookingRef });
}

// ── catalogue: categories, services, car models, price chart, GST, areas; content pages ──
function catalogueGraphQL({ builder }: GraphQLParts) {
  const CarSegmentEnum = builder.enumType("CarSegment", { values: CAR_SEGMENTS });
  const CarFuelEnum = builder.enumType("CarFuel", { values: CAR_FUELS });
  const PriceSourceEnum = builder.enumType("PriceSource", { values: PRICE_SOURCES });

  const ServiceCategoryRef = builder.objectRef<ServiceCategoryView>("ServiceCategory").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      name: t.exposeString("name"),
      slug: t.exposeString("slug"),
      description: t.exposeString("description"),
      position: t.exposeInt("position"),
      createdAt: t.exposeString("createdAt"),
      updatedAt: t.exposeString("updatedAt"),
    }),
  });

  const ServiceCategorySummaryRef = builder.objectRef<ServiceView["category"]>("ServiceCategorySummary").implement({
    fields: (t) => ({ id: t.exposeID("id"), name: t.exposeString("name"), slug: t.exposeString("slug") }),
  });

  const GarageServiceRef = builder.objectRef<ServiceView>("GarageService").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      name: t.exposeString("name"),
      slug: t.exposeString("slug"),
      description: t.exposeString("description"),
      categoryId: t.exposeID("categoryId"),
      category: t.field({ type: ServiceCategorySummaryRef, resolve: (service) => service.category }),
      labourMinutes: t.exposeInt("labourMinutes"),
      basePriceMinor: t.exposeInt("basePriceMinor"),
      currency: t.exposeString("currency"),
      gstCode: t.exposeString("gstCode"),
      active: t.exposeBoolean("active"),
      createdAt: t.exposeString("createdAt"),
      updatedAt: t.exposeString("updatedAt"),
    }),
  });

  const CarModelRef = builder.objectRef<CarModelView>("CarModel").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      make: t.exposeString("make"),
      model: t.exposeString("model"),
      yearFrom: t.exposeInt("yearFrom"),
      yearTo: t.exposeInt("yearTo", { nullable: true }),
      segment: t.field({ type: CarSegmentEnum, resolve: (model) => model.segment }),
      fuel: t.field({ type: CarFuelEnum, resolve: (model) => model.fuel }),
      createdAt: t.exposeString("createdAt"),
      updatedAt: t.exposeString("updatedAt"),
    }),
  });

  const PriceChartEntryRef = builder.objectRef<PriceChartEntryView>("PriceChartEntry").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      serviceId: t.exposeID("serviceId"),
      carModelId: t.exposeID("carModelId", { nullable: true }),
      segment: t.field({ type: CarSegmentEnum, nullable: true, resolve: (row) => row.segment }),
      priceMinor: t.exposeInt("priceMinor"),
      currency: t.exposeString("currency"),
      validFrom: t.exposeString("validFrom"),
      validUntil: t.exposeString("validUntil", { nullable: true, description: "The first day the row no longer applies; null: open-ended." }),
      createdAt: t.exposeString("createdAt"),
      updatedAt: t.exposeString("updatedAt"),
    }),
  });

  const ServicePriceRef = builder.objectRef<ServicePriceView>("ServicePrice").implement({
    fields: (t) => ({
      serviceId: t.exposeID("serviceId"),
      carModelId: t.exposeID("carModelId"),
      priceMinor: t.exposeInt("priceMinor"),
      taxMinor: t.exposeInt("taxMinor"),
      totalMinor: t.exposeInt("totalMinor"),
      gstCode: t.exposeString("gstCode"),
      gstBasisPoints: t.exposeInt("gstBasisPoints"),
      currency: t.exposeString("currency"),
      source: t.field({ type: PriceSourceEnum, resolve: (price) => price.source }),
      priceChartId: t.exposeID("priceChartId", { nullable: true }),
      validFrom: t.exposeString("validFrom", { nullable: true }),
      validUntil: t.exposeString("validUntil", { nullable: true }),
      date: t.exposeString("date"),
    }),
  });

  const GstRateRef = builder.objectRef<GstRateView>("GstRate").implement({
    fields: (t) => ({
      code: t.exposeID("code"),
      label: t.exposeString("label"),
      basisPoints: t.exposeInt("basisPoints"),
      updatedAt: t.exposeString("updatedAt"),
    }),
  });

  const GarageAreaRef = builder.objectRef<AreaView>("GarageArea").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      name: t.exposeString("name"),
      city: t.exposeString("city"),
      postcode: t.exposeString("postcode"),
      active: t.exposeBoolean("active"),
      createdAt: t.exposeString("createdAt"),
      updatedAt: t.exposeString("updatedAt"),
    }),
  });

  const ContentPageRef = builder.objectRef<ContentPageView>("ContentPage").implement({
    fields: (t) => ({
      slug: t.exposeID("slug"),
      title: t.exposeString("title"),
      body: t.exposeString("body", { description: "Markdown" }),
      html: t.exposeString("html", { description: "The body rendered: raw HTML escaped, dangerous link protocols dropped." }),
      updatedAt: t.exposeString("updatedAt"),
    }),
  });

  const FavouriteServiceRef = builder.objectRef<FavouriteView["service"]>("FavouriteService").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      name: t.exposeString("name"),
      slug: t.exposeString("slug"),
      categoryId: t.exposeID("categoryId"),
      labourMinutes: t.exposeInt("labourMinutes"),
      basePriceMinor: t.exposeInt("basePriceMinor"),
      currency: t.exposeString("currency"),
      active: t.exposeBoolean("active"),
    }),
  });

  const FavouriteRef = builder.objectRef<FavouriteView>("Favourite").implement({
    fields: (t) => ({
      ownerId: t.exposeID("ownerId"),
      serviceId: t.exposeID("serviceId"),
      createdAt: t.exposeString("createdAt"),
      service: t.field({ type: FavouriteServiceRef, resolve: (favourite) => favourite.service }),
    }),
  });

  const ServiceInput = builder.inputType("GarageServiceInput", {
    fields: (t) => ({
      name: t.string(),
      slug: t.string(),
      description: t.string(),
      categoryId: t.id(),
      labourMinutes: t.int(),
      basePriceMinor: t.int(),
      gstCode: t.string(),
      active: t.boolean(),
    }),
  });

  const PriceChartEntryInput = builder.inputType("PriceChartEntryInput", {
    fields: (t) => ({
      serviceId: t.id(),
      carModelId: t.id(),
      segment: t.field({ type: CarSegmentEnum }),
      priceMinor: t.int(),
      validFrom: t.string({ description: "YYYY-MM-DD" }),
      validUntil: t.string({ description: "YYYY-MM-DD, exclusive" }),
    }),
  });

  builder.queryFields((t) => ({
    serviceCategories: t.field({
      type: [ServiceCategoryRef],
      args: { limit: t.arg.int(), offset: t.arg.int() },
      resolve: async (_root, args, context) => (await listServiceCategories(context.principal, withoutNulls(args))).items,
    }),
    services: t.field({
      type: [GarageServiceRef],
      description: "The catalogue, with the filters of GET /api/v1/services (readers other than admins see active services only).",
      args: { q: t.arg.string(), categoryId: t.arg.id(), category: t.arg.string(), limit: t.arg.int(), offset: t.arg.int() },
      resolve: async (_root, args, context) => (await listServices(context.principal, withoutNulls({ ...args, categoryId: args.categoryId?.toString() }))).items,
    }),
    service: t.field({
      type: GarageServiceRef,
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, context) => nullIfNotFound(() => getService(context.principal, String(args.id))),
    }),
    carModels: t.field({
      type: [CarModelRef],
      args: { q: t.arg.string(), make: t.arg.string(), segment: t.arg({ type: CarSegmentEnum }), limit: t.arg.int(), offset: t.arg.int() },
      resolve: async (_root, args, context) => (await listCarModels(context.principal, withoutNulls(args))).items,
    }),
    priceChart: t.field({
      type: [PriceChartEntryRef],
      args: { serviceId: t.arg.id(), carModelId: t.arg.id(), segment: t.arg({ type: CarSegmentEnum }), limit: t.arg.int(), offset: t.arg.int() },
      resolve: async (_root, args, context) =>
        (await listPriceChart(context.principal, withoutNulls({ ...args, serviceId: args.serviceId?.toString(), carModelId: args.carModelId?.toString() }))).items,
    }),
    servicePrice: t.field({
      type: ServicePriceRef,
      description: "Exactly one of carId (a customer's car; customers price only their own) and carModelId; date defaults to today on the shop's clock.",
      args: { serviceId: t.arg.id({ required: true }), carId: t.arg.id(), carModelId: t.arg.id(), date: t.arg.string() },
      resolve: (_root, args, context) =>
        getServicePrice(context.principal, String(args.serviceId), withoutNulls({ carId: args.carId?.toString(), carModelId: args.carModelId?.toString(), date: args.date })),
    }),
    gstRates: t.field({
      type: [GstRateRef],
      resolve: async (_root, _args, context) => (await listGstRates(context.principal)).items,
    }),
    areas: t.field({
      type: [GarageAreaRef],
      args: { q: t.arg.string(), active: t.arg.boolean(), limit: t.arg.int(), offset: t.arg.int() },
      resolve: async (_root, args, context) => {
        const { active, ...filter } = withoutNulls(args);
        return (await listAreas(context.principal, { ...filter, ...(active === undefined ? {} : { active: String(active) }) })).items;
      },
    }),
    contentPage: t.field({
      type: ContentPageRef,
      nullable: true,
      args: { slug: t.arg.string({ required: true }) },
      resolve: (_root, args, context) => nullIfNotFound(() => getContentPage(context.principal, args.slug)),
    }),
    favourites: t.field({
      type: [FavouriteRef],
      description: "The caller's starred services; staff may name a customer.",
      args: { customerId: t.arg.string(), limit: t.arg.int(), offset: t.arg.int() },
      resolve: async (_root, args, context) => (await listFavourites(context.principal, withoutNulls(args))).items,
    }),
  }));

  builder.mutationFields((t) => ({
    createService: t.field({
      type: GarageServiceRef,
      args: { input: t.arg({ type: ServiceInput, required: true }) },
      resolve: (_root, args, context) => createService(context.principal, withoutNulls(args.input)),
    }),
    updateService: t.field({
      type: GarageServiceRef,
      args: { id: t.arg.id({ required: true }), input: t.arg({ type: ServiceInput, required: true }) },
      resolve: (_root, args, context) => updateService(context.principal, String(args.id), withoutNulls(args.input)),
    }),
    deleteService: t.field({
      type: "Boolean",
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, args, context) => {
        await deleteService(context.principal, String(args.id));
        return true;
      },
    }),
    createPriceChartEntry: t.field({
      type: PriceChartEntryRef,
      args: { input: t.arg({ type: PriceChartEntryInput, required: true }) },
      resolve: (_root, args, context) => createPriceChartEntry(context.principal, withoutNulls(args.input)),
    }),
    updatePriceChartEntry: t.field({
      type: PriceChartEntryRef,
      description: "Changes the price or the dates; clearValidUntil makes the row open-ended.",
      args: {
        id: t.arg.id({ required: true }),
        priceMinor: t.arg.int(),
        validFrom: t.arg.string(),
        validUntil: t.arg.string(),
        clearValidUntil: t.arg.boolean(),
      },
      resolve: (_root, args, context) => {
        const { id, clearValidUntil, ...changes } = args;
        return updatePriceChartEntry(context.principal, String(id), { ...withoutNulls(changes), ...(clearValidUntil ? { validUntil: null } : {}) });
      },
    }),
    deletePriceChartEntry: t.field({
      type: "Boolean",
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, args, context) => {
        await deletePriceChartEntry(context.principal, String(args.id));
        return true;
      },
    }),
    updateGstRate: t.field({
      type: GstRateRef,
      args: { code: t.arg.string({ required: true }), label: t.arg.string(), basisPoints: t.arg.int() },
      resolve: (_root, args, context) => updateGstRate(context.principal, args.code, withoutNulls({ label: args.label, basisPoints: args.basisPoints })),
    }),
    updateContentPage: t.field({
      type: ContentPageRef,
      args: { slug: t.arg.string({ required: true }), title: t.arg.string(), body: t.arg.string({ description: "Markdown" }) },
      resolve: (_root, args, context) => updateContentPage(context.principal, args.slug, withoutNulls({ title: args.title, body: args.body })),
    }),
    addFavourite: t.field({
      type: FavouriteRef,
      args: { serviceId: t.arg.id({ required: true }) },
      resolve: async (_root, args, context) => (await addFavourite(context.principal, { serviceId: String(args.serviceId) })).favourite,
    }),
    removeFavourite: t.field({
      type: "Boolean",
      args: { serviceId: t.arg.id({ required: true }) },
      resolve: async (_root, args, context) => {
        await removeFavourite(context.principal, String(args.serviceId));
        return true;
      },
    }),
  }));
  return { GarageServiceRef };
}


// ── customers: cars, addresses, cart, favourites ──

function customerGraphQL({ builder }: GraphQLParts) {
  const CarModelRef = builder.objectRef<CarModelSummary>("CustomerCarModel").implement({
    description: "The catalogue's model of a customer's car.",
    fields: (t) => ({
      id: t.exposeID("id"),
      make: t.exposeString("make"),
      model: t.exposeString("model"),
      yearFrom: t.exposeInt("yearFrom"),
      yearTo: t.exposeInt("yearTo", { nullable: true }),
      segment: t.exposeString("segment", { description: "HATCHBACK, SEDAN, SUV, MUV, LUXURY or EV" }),
      fuel: t.exposeString("fuel", { description: "PETROL, DIESEL, CNG, HYBRID or ELECTRIC" }),
    }),
  });

  const CustomerCarRef = builder.objectRef<CustomerCarView>("CustomerCar").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      ownerId: t.exposeString("ownerId"),
      carModel: t.field({ type: CarModelRef, resolve: (car) => car.carModel }),
      plate: t.exposeString("plate"),
      plateKey: t.exposeString("plateKey"),
      vin: t.exposeString("vin", { nullable: true }),
      colour: t.exposeString("colour"),
      odometerKm: t.exposeInt("odometerKm"),
      createdAt: t.exposeString("createdAt"),
      updatedAt: t.exposeString("updatedAt"),
    }),
  });

  const AddressAreaRef = builder.objectRef<AddressView["area"]>("GarageAddressArea").implement({
    fields: (t) => ({ id: t.exposeID("id"), name: t.exposeString("name"), city: t.exposeString("city"), active: t.exposeBoolean("active") }),
  });

  const AddressRef = builder.objectRef<AddressView>("GarageAddress").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      ownerId: t.exposeString("ownerId"),
      area: t.field({ type: AddressAreaRef, resolve: (address) => address.area }),
      label: t.exposeString("label"),
      line1: t.exposeString("line1"),
      line2: t.exposeString("line2"),
      postcode: t.exposeString("postcode"),
      createdAt: t.exposeString("createdAt"),
      updatedAt: t.exposeString("updatedAt"),
    }),
  });

  const CartLineServiceRef = builder.objectRef<CartLineView["service"]>("CartLineService").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      name: t.exposeString("name"),
      slug: t.exposeString("slug"),
      labourMinutes: t.exposeInt("labourMinutes"),
      active: t.exposeBoolean("active"),
    }),
  });

  const CartLineCarRef = builder.objectRef<CartLineView["car"]>("CartLineCar").implement({
    fields: (t) => ({ id: t.exposeID("id"), plate: t.exposeString("plate"), carModel: t.field({ type: CarModelRef, resolve: (car) => car.carModel }) }),
  });

  const CartLineRef = builder.objectRef<CartLineView>("CartLine").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      service: t.field({ type: CartLineServiceRef, resolve: (line) => line.service }),
      car: t.field({ type: CartLineCarRef, resolve: (line) => line.car }),
      priceShownMinor: t.exposeInt("priceShownMinor"),
      priceNowMinor: t.exposeInt("priceNowMinor"),
      taxNowMinor: t.exposeInt("taxNowMinor"),
      priceChanged: t.exposeBoolean("priceChanged"),
      available: t.exposeBoolean("available"),
      addedAt: t.exposeString("addedAt"),
    }),
  });

  const CartRef = builder.objectRef<CartView>("Cart").implement({
    description: "A customer's cart, re-priced when read.",
    fields: (t) => ({
      ownerId: t.exposeString("ownerId"),
      lines: t.field({ type: [CartLineRef], resolve: (cart) => cart.lines }),
      subtotalMinor: t.exposeInt("subtotalMinor"),
      taxMinor: t.exposeInt("taxMinor"),
      totalMinor: t.exposeInt("totalMinor"),
      labourMinutes: t.exposeInt("labourMinutes"),
      currency: t.exposeString("currency"),
      changedLines: t.exposeInt("changedLines"),
    }),
  });

  const CarFilterInput = builder.inputType("CustomerCarFilter", {
    fields: (t) => ({ ownerId: t.string({ description: "Staff only" }), q: t.string({ description: "Part of the plate" }), limit: t.int(), offset: t.int() }),
  });
  const AddressFilterInput = builder.inputType("GarageAddressFilter", {
    fields: (t) => ({ ownerId: t.string({ description: "Staff only" }), limit: t.int(), offset: t.int() }),
  });
  const AddCarInput = builder.inputType("AddCustomerCarInput", {
    fields: (t) => ({
      ownerId: t.string({ description: "Staff name the customer; customers add their own" }),
      carModelId: t.id({ required: true }),
      plate: t.string({ required: true }),
      vin: t.string(),
      colour: t.string(),
      odometerKm: t.int(),
    }),
  });
  const UpdateCarInput = builder.inputType("UpdateCustomerCarInput", {
    fields: (t) => ({ carModelId: t.id(), plate: t.string(), vin: t.string(), colour: t.string(), odometerKm: t.int() }),
  });
  const AddAddressInput = builder.inputType("AddGarageAddressInput", {
    fields: (t) => ({
      ownerId: t.string({ description: "Staff name the customer; customers add their own" }),
      areaId: t.id({ required: true }),
      label: t.string(),
      line1: t.string({ required: true }),
      line2: t.string(),
      postcode: t.string(),
    }),
  });

  builder.queryFields((t) => ({
    customerCars: t.field({
      type: [CustomerCarRef],
      description: "Customers: their own cars. Staff: every customer's, filtered.",
      args: { filter: t.arg({ type: CarFilterInput }) },
      resolve: async (_root, args, context) => (await listCars(context.principal, withoutNulls(args.filter))).items,
    }),
    customerCar: t.field({
      type: CustomerCarRef,
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, context) => nullIfNotFound(() => getCar(context.principal, String(args.id))),
    }),
    addresses: t.field({
      type: [AddressRef],
      description: "Customers: their own pick-up addresses. Staff: every customer's, filtered.",
      args: { filter: t.arg({ type: AddressFilterInput }) },
      resolve: async (_root, args, context) => (await listAddresses(context.principal, withoutNulls(args.filter))).items,
    }),
    cart: t.field({
      type: CartRef,
      description: "The caller's cart, re-priced now; staff may name a customer.",
      args: { customerId: t.arg.string() },
      resolve: (_root, args, context) => getCart(context.principal, withoutNulls({ customerId: args.customerId })),
    }),
  }));

  builder.mutationFields((t) => ({
    addCustomerCar: t.field({
      type: CustomerCarRef,
      args: { input: t.arg({ type: AddCarInput, required: true }) },
      resolve: (_root, args, context) => createCar(context.principal, withoutNulls(args.input)),
    }),
    updateCustomerCar: t.field({
      type: CustomerCarRef,
      args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateCarInput, required: true }) },
      resolve: (_root, args, context) => updateCar(context.principal, String(args.id), withoutNulls(args.input)),
    }),
    deleteCustomerCar: t.boolean({
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, args, context) => {
        await deleteCar(context.principal, String(args.id));
        return true;
      },
    }),
    addAddress: t.field({
      type: AddressRef,
      args: { input: t.arg({ type: AddAddressInput, required: true }) },
      resolve: (_root, args, context) => createAddress(context.principal, withoutNulls(args.input)),
    }),
    deleteAddress: t.boolean({
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, args, context) => {
        await deleteAddress(context.principal, String(args.id));
        return true;
      },
    }),
    addToCart: t.field({
      type: CartLineRef,
      args: { serviceId: t.arg.id({ required: true }), carId: t.arg.id({ required: true }) },
      resolve: (_root, args, context) => addCartLine(context.principal, { serviceId: String(args.serviceId), carId: String(args.carId) }),
    }),
    removeFromCart: t.boolean({
      args: { lineId: t.arg.id({ required: true }) },
      resolve: async (_root, args, context) => {
        await removeCartLine(context.principal, String(args.lineId));
        return true;
      },
    }),
    clearCart: t.boolean({
      args: { customerId: t.arg.string() },
      resolve: async (_root, args, context) => {
        await clearCart(context.principal, withoutNulls({ customerId: args.customerId }));
        return true;
      },
    }),
    acceptCartPrices: t.field({
      type: CartRef,
      description: "Accept today's prices for every line (POST /api/v1/cart/reprice).",
      args: { customerId: t.arg.string() },
      resolve: (_root, args, context) => repriceCart(context.principal, withoutNulls({ customerId: args.customerId })),
    }),
  }));  return { CustomerCarRef };
}


// ── bookings, slots and support queries ──
const BOOKING_SORT_VALUES = { SLOT: { value: "slot" }, SLOT_DESC: { value: "-slot" } } as const;

function bookingGraphQL({ builder, Person }: GraphQLParts) {
  const BookingStatusEnum = builder.enumType("BookingStatus", { values: BOOKING_STATUSES });
  const SupportQueryStatusEnum = builder.enumType("SupportQueryStatus", { values: SUPPORT_QUERY_STATUSES });
  const BookingSortEnum = builder.enumType("BookingSort", { values: BOOKING_SORT_VALUES });

  const GarageSlotRef = builder.objectRef<GarageSlotView>("GarageSlot").implement({
    description: "A free drop-off slot.",
    fields: (t) => ({ start: t.exposeString("start"), end: t.exposeString("end"), freeBays: t.exposeInt("freeBays") }),
  });

  const BookedServiceRef = builder.objectRef<BookedServiceView>("BookedService").implement({
    description: "A service as booked, with its price, GST and labour snapshots (minor units).",
    fields: (t) => ({
      id: t.exposeID("id"),
      serviceId: t.exposeString("serviceId", { nullable: true }),
      serviceName: t.exposeString("serviceName"),
      labourMinutes: t.exposeInt("labourMinutes"),
      priceMinor: t.exposeInt("priceMinor"),
      priceSource: t.exposeString("priceSource"),
      gstCode: t.exposeString("gstCode"),
      gstBasisPoints: t.exposeInt("gstBasisPoints"),
      taxMinor: t.exposeInt("taxMinor"),
      currency: t.exposeString("currency"),
    }),
  });

  const BookingProgressRef = builder.objectRef<BookingProgressView>("BookingProgress").implement({
    description: "A status transition (toStatus set) or a note from the shop (toStatus null).",
    fields: (t) => ({
      id: t.exposeID("id"),
      fromStatus: t.field({ type: BookingStatusEnum, nullable: true, resolve: (entry) => entry.fromStatus }),
      toStatus: t.field({ type: BookingStatusEnum, nullable: true, resolve: (entry) => entry.toStatus }),
      actorName: t.exposeString("actorName"),
      note: t.exposeString("note", { nullable: true }),
      at: t.exposeString("at"),
      editedAt: t.exposeString("editedAt", { nullable: true }),
    }),
  });

  const BookingRef = builder.objectRef<BookingView>("Booking").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      customerId: t.exposeString("customerId", { nullable: true }),
      customer: t.field({ type: Person, nullable: true, description: "Null once the account is deleted.", resolve: (booking) => booking.customer }),
      carId: t.exposeString("carId", { nullable: true }),
      carPlate: t.exposeString("carPlate"),
      carDescription: t.exposeString("carDescription"),
      slotStart: t.exposeString("slotStart"),
      slotEnd: t.exposeString("slotEnd"),
      bay: t.exposeInt("bay"),
      labourMinutes: t.exposeInt("labourMinutes"),
      pickupAddressId: t.exposeString("pickupAddressId", { nullable: true }),
      pickupText: t.exposeString("pickupText", { nullable: true }),
      status: t.field({ type: BookingStatusEnum, resolve: (booking) => booking.status }),
      notes: t.exposeString("notes"),
      subtotalMinor: t.exposeInt("subtotalMinor"),
      taxMinor: t.exposeInt("taxMinor"),
      totalMinor: t.exposeInt("totalMinor"),
      currency: t.exposeString("currency"),
      cancelledAt: t.exposeString("cancelledAt", { nullable: true }),
      cancelReason: t.exposeString("cancelReason", { nullable: true }),
      createdAt: t.exposeString("createdAt"),
      updatedAt: t.exposeString("updatedAt"),
      services: t.field({
        type: [BookedServiceRef],
        description: "The booked lines (READ:BOOKED_SERVICES).",
        resolve: (booking, _args, context) =>
          requestLoader(context, "garage.bookedServices", (ids) => bookedServicesOfShownBookings(context.principal, ids)).load(booking.id),
      }),
      progress: t.field({
        type: [BookingProgressRef],
        description: "The timeline: status transitions and the shop's notes (READ:BOOKING_PROGRESS).",
        resolve: (booking, _args, context) => requestLoader(context, "garage.progress", (ids) => progressOfShownBookings(context.principal, ids)).load(booking.id),
      }),
    }),
  });

  const SupportQueryRef = builder.objectRef<SupportQueryView>("SupportQuery").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      customerId: t.exposeString("customerId"),
      bookingId: t.exposeString("bookingId", { nullable: true }),
      subject: t.exposeString("subject"),
      message: t.exposeString("message"),
      status: t.field({ type: SupportQueryStatusEnum, resolve: (query) => query.status }),
      answer: t.exposeString("answer", { nullable: true }),
      answeredById: t.exposeString("answeredById", { nullable: true }),
      answeredAt: t.exposeString("answeredAt", { nullable: true }),
      createdAt: t.exposeString("createdAt"),
      updatedAt: t.exposeString("updatedAt"),
    }),
  });

  builder.queryFields((t) => ({
    garageSlots: t.field({
      type: [GarageSlotRef],
      description: "The free drop-off slots of a day for `minutes` of labour (GET /api/v1/garage/slots).",
      args: { date: t.arg.string({ required: true, description: "YYYY-MM-DD" }), minutes: t.arg.int({ required: true }) },
      resolve: (_root, args, context) => listFreeSlots(context.principal, { date: args.date, minutes: args.minutes }),
    }),
    bookings: t.field({
      type: [BookingRef],
      description: "Customers: their own bookings. Staff: every booking, filtered.",
      args: {
        status: t.arg({ type: BookingStatusEnum }),
        date: t.arg.string({ description: "Shop day YYYY-MM-DD" }),
        customerId: t.arg.string(),
        sort: t.arg({ type: BookingSortEnum }),
        limit: t.arg.int(),
        offset: t.arg.int(),
      },
      resolve: async (_root, args, context) => (await listBookings(context.principal, withoutNulls(args))).items,
    }),
    booking: t.field({
      type: BookingRef,
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, context) => nullIfNotFound(() => getBooking(context.principal, String(args.id))),
    }),
    myBookings: t.field({
      type: [BookingRef],
      description: "The caller's own bookings, newest slot first (GET /api/v1/bookings/customer).",
      args: { limit: t.arg.int(), offset: t.arg.int() },
      resolve: async (_root, args, context) => (await listMyBookings(context.principal, withoutNulls(args))).items,
    }),
    queries: t.field({
      type: [SupportQueryRef],
      description: "Support queries: customers their own, staff all.",
      args: { status: t.arg({ type: SupportQueryStatusEnum }), limit: t.arg.int(), offset: t.arg.int() },
      resolve: async (_root, args, context) => (await listQueries(context.principal, withoutNulls(args))).items,
    }),
  }));

  builder.mutationFields((t) => ({
    createBooking: t.field({
      type: BookingRef,
      description: "Book a drop-off slot: either serviceIds or fromCart. A full slot is an error listing the next free slots in its extensions.",
      args: {
        carId: t.arg.id({ required: true }),
        slotStart: t.arg.string({ required: true, description: "ISO 8601 instant" }),
        serviceIds: t.arg.idList(),
        fromCart: t.arg.boolean(),
        pickupAddressId: t.arg.id(),
        notes: t.arg.string(),
        customerId: t.arg.string({ description: "Staff only: the customer booked for" }),
      },
      resolve: (_root, args, context) => {
        const { serviceIds, ...rest } = withoutNulls(args);
        return createBooking(context.principal, { ...rest, ...(serviceIds ? { serviceIds: serviceIds.map(String) } : {}) });
      },
    }),
    moveBooking: t.field({
      type: BookingRef,
      description: "Moves a booking one step along the workshop's flow (as POST /bookings/{id}/status).",
      args: {
        id: t.arg.id({ required: true }),
        status: t.arg({ type: BookingStatusEnum, required: true }),
        note: t.arg.string(),
        odometerKm: t.arg.int(),
        promisedAt: t.arg.string(),
      },
      resolve: (_root, args, context) => {
        const { id, ...input } = withoutNulls(args);
        return transitionBooking(context.principal, String(id), input);
      },
    }),
    addProgressNote: t.field({
      type: BookingProgressRef,
      args: { bookingId: t.arg.id({ required: true }), note: t.arg.string({ required: true }) },
      resolve: (_root, args, context) => addProgressNote(context.principal, String(args.bookingId), { note: args.note }),
    }),
    updateProgressNote: t.field({
      type: BookingProgressRef,
      args: { bookingId: t.arg.id({ required: true }), entryId: t.arg.id({ required: true }), note: t.arg.string({ required: true }) },
      resolve: (_root, args, context) => updateProgressNote(context.principal, String(args.bookingId), String(args.entryId), { note: args.note }),
    }),
    deleteProgressNote: t.boolean({
      args: { bookingId: t.arg.id({ required: true }), entryId: t.arg.id({ required: true }) },
      resolve: async (_root, args, context) => {
        await deleteProgressNote(context.principal, String(args.bookingId), String(args.entryId));
        return true;
      },
    }),
    cancelBooking: t.field({
      type: BookingRef,
      args: { id: t.arg.id({ required: true }), reason: t.arg.string() },
      resolve: (_root, args, context) => cancelBooking(context.principal, String(args.id), withoutNulls({ reason: args.reason })),
    }),
    openQuery: t.field({
      type: SupportQueryRef,
      args: { subject: t.arg.string({ required: true }), message: t.arg.string({ required: true }), bookingId: t.arg.id(), customerId: t.arg.string() },
      resolve: (_root, args, context) => openQuery(context.principal, withoutNulls(args)),
    }),
    answerQuery: t.field({
      type: SupportQueryRef,
      args: { id: t.arg.id({ required: true }), answer: t.arg.string(), status: t.arg({ type: SupportQueryStatusEnum }) },
      resolve: (_root, args, context) => {
        const { id, ...changes } = withoutNulls(args);
        return answerQuery(context.principal, String(id), changes);
      },
    }),
  }));
  return { BookingRef, BookingStatusEnum };
}


// ── the workshop floor: the customer's decisions on recommended work, deferred work ──

function approvalGraphQL(
  { builder }: GraphQLParts,
  refs: {
    BookingRef: ReturnType<typeof bookingGraphQL>["BookingRef"];
    CustomerCarRef: ReturnType<typeof customerGraphQL>["CustomerCarRef"];
    RecommendationRef: ReturnType<typeof inspectionGraphQL>["RecommendationRef"];
  },
): void {
  const ApprovalDecisionEnum = builder.enumType("ApprovalDecision", { values: APPROVAL_DECISIONS });
  const ApprovalChannelEnum = builder.enumType("ApprovalChannel", { values: APPROVAL_CHANNELS });
  const { RecommendationRef } = refs;

  const ApprovalItemRef = builder.objectRef<ApprovalItemView>("ApprovalItem").implement({
    description: "A recommendation as it was decided: its version, name and money at that moment.",
    fields: (t) => ({
      id: t.exposeID("id"),
      recommendationId: t.exposeString("recommendationId"),
      version: t.exposeInt("version"),
      serviceName: t.exposeString("serviceName"),
      priceMinor: t.exposeInt("priceMinor"),
      taxMinor: t.exposeInt("taxMinor"),
    }),
  });

  const ApprovalRecordRef = builder.objectRef<ApprovalRecordView>("ApprovalRecord").implement({
    description: "An immutable record of the customer's decision on recommended work: which items, the amount, who, for whom, how and when.",
    fields: (t) => ({
      id: t.exposeID("id"),
      bookingId: t.exposeString("bookingId"),
      decision: t.field({ type: ApprovalDecisionEnum, resolve: (record) => record.decision }),
      channel: t.field({ type: ApprovalChannelEnum, resolve: (record) => record.channel }),
      customerId: t.exposeString("customerId", { nullable: true }),
      customerName: t.exposeString("customerName"),
      recordedById: t.exposeString("recordedById", { nullable: true }),
      recordedByName: t.exposeString("recordedByName"),
      amountMinor: t.exposeInt("amountMinor"),
      currency: t.exposeString("currency"),
      note: t.exposeString("note", { nullable: true }),
      at: t.exposeString("at"),
      items: t.field({ type: [ApprovalItemRef], resolve: (record) => record.items }),
    }),
  });

  const ApprovalOutcomeRef = builder.objectRef<ApprovalOutcomeView>("ApprovalOutcome").implement({
    description: "What a decision wrote (one record per decision kind) and the booking after it.",
    fields: (t) => ({
      records: t.field({ type: [ApprovalRecordRef], resolve: (outcome) => outcome.records }),
      booking: t.field({ type: refs.BookingRef, resolve: (outcome) => outcome.booking }),
      recommendations: t.field({ type: [RecommendationRef], resolve: (outcome) => outcome.recommendations }),
    }),
  });

  builder.objectField(refs.BookingRef, "approvals", (t) =>
    t.field({
      type: [ApprovalRecordRef],
      description: "The customer's decisions on recommended work, newest first (READ:BOOKING_RECOMMENDATIONS).",
      resolve: (booking, _args, context) =>
        loadKeyed(context, "garage.approvals", booking.id, (ids) => approvalsForBookings(context.principal, [...ids]), []),
    }),
  );

  builder.objectField(refs.CustomerCarRef, "deferredWork", (t) =>
    t.field({
      type: [RecommendationRef],
      description: "Work declined on the car's earlier bookings, not yet offered again (READ:BOOKING_RECOMMENDATIONS).",
      resolve: (car, _args, context) => loadKeyed(context, "garage.deferredWork", car.id, (ids) => deferredWorkForCars(context.principal, [...ids]), []),
    }),
  );

  const DecisionInput = builder.inputType("RecommendationDecisionInput", {
    fields: (t) => ({
      recommendationId: t.id({ required: true }),
      decision: t.field({ type: ApprovalDecisionEnum, required: true }),
      version: t.int({ required: true, description: "The version the customer saw." }),
    }),
  });

  builder.mutationFields((t) => ({
    decideRecommendations: t.field({
      type: ApprovalOutcomeRef,
      description: "Approve or decline recommended work (POST /api/v1/bookings/{id}/approvals): `decisions` item by item, or `all`.",
      args: {
        bookingId: t.arg.id({ required: true }),
        decisions: t.arg({ type: [DecisionInput] }),
        all: t.arg({ type: ApprovalDecisionEnum }),
        note: t.arg.string(),
        channel: t.arg({ type: ApprovalChannelEnum, description: "Staff: PHONE (what the customer said); customers: IN_APP." }),
      },
      resolve: (_root, args, context) => {
        const { bookingId, decisions, ...rest } = withoutNulls(args);
        return decideRecommendations(context.principal, String(bookingId), {
          ...rest,
          ...(decisions ? { decisions: decisions.map((decision) => ({ ...decision, recommendationId: String(decision.recommendationId) })) } : {}),
        });
      },
    }),
    reviseRecommendation: t.field({
      type: RecommendationRef,
      description: "Change the price of approved work (POST /api/v1/recommendations/{id}/revise): it needs a new approval.",
      args: { id: t.arg.id({ required: true }), priceMinor: t.arg.int({ required: true }), adjustmentReason: t.arg.string() },
      resolve: (_root, args, context) => {
        const { id, ...input } = withoutNulls(args);
        return reviseApprovedRecommendation(context.principal, String(id), input);
      },
    }),
  }));
}

// ── the workshop floor: mechanics' assignments ──

function assignmentGraphQL({ builder }: GraphQLParts, { BookingRef, BookingStatusEnum }: ReturnType<typeof bookingGraphQL>): void {
  const AssignmentStatusEnum = builder.enumType("AssignmentStatus", { values: ASSIGNMENT_STATUSES });

  const AssignmentBookingRef = builder.objectRef<AssignmentView["booking"]>("AssignmentBooking").implement({
    description: "What an assignment shows of its booking.",
    fields: (t) => ({
      id: t.exposeID("id"),
      carPlate: t.exposeString("carPlate"),
      carDescription: t.exposeString("carDescription"),
      status: t.field({ type: BookingStatusEnum, resolve: (booking) => booking.status }),
      slotStart: t.exposeString("slotStart"),
      promisedAt: t.exposeString("promisedAt", { nullable: true }),
      labourMinutes: t.exposeInt("labourMinutes"),
    }),
  });

  const AssignmentRef = builder.objectRef<AssignmentView>("Assignment").implement({
    description: "A mechanic's time on a booking (or one of its services): ASSIGNED → ACCEPTED → STARTED → FINISHED; REASSIGNED (handed over) and CANCELLED hold no time.",
    fields: (t) => ({
      id: t.exposeID("id"),
      bookingId: t.exposeString("bookingId"),
      bookedServiceId: t.exposeString("bookedServiceId", { nullable: true }),
      bookedServiceName: t.exposeString("bookedServiceName", { nullable: true }),
      mechanicId: t.exposeString("mechanicId", { nullable: true }),
      mechanicName: t.exposeString("mechanicName"),
      startsAt: t.exposeString("startsAt"),
      endsAt: t.exposeString("endsAt"),
      minutes: t.exposeInt("minutes"),
      status: t.field({ type: AssignmentStatusEnum, resolve: (assignment) => assignment.status }),
      assignedByName: t.exposeString("assignedByName"),
      acceptedAt: t.exposeString("acceptedAt", { nullable: true }),
      startedAt: t.exposeString("startedAt", { nullable: true }),
      finishedAt: t.exposeString("finishedAt", { nullable: true }),
      previousId: t.exposeString("previousId", { nullable: true }),
      note: t.exposeString("note", { nullable: true }),
      booking: t.field({ type: AssignmentBookingRef, resolve: (assignment) => assignment.booking }),
      createdAt: t.exposeString("createdAt"),
      updatedAt: t.exposeString("updatedAt"),
    }),
  });

  builder.objectField(BookingRef, "assignments", (t) =>
    t.field({
      type: [AssignmentRef],
      description: "The booking's assignments, handed-over and cancelled ones included, oldest first (READ:BOOKING_ASSIGNMENT).",
      resolve: (booking, _args, context) =>
        loadKeyed(context, "garage.assignments", booking.id, (ids) => assignmentsOfBookings(context.principal, ids), []),
    }),
  );

  builder.queryFields((t) => ({
    assignments: t.field({
      type: [AssignmentRef],
      description: "Mechanics' assignments, earliest first (GET /api/v1/assignments). Customers: those of their own bookings.",
      args: {
        mechanicId: t.arg.string(),
        date: t.arg.string({ description: "Shop day YYYY-MM-DD" }),
        status: t.arg({ type: AssignmentStatusEnum }),
        bookingId: t.arg.id(),
        limit: t.arg.int(),
        offset: t.arg.int(),
      },
      resolve: async (_root, args, context) => (await listAssignments(context.principal, withoutNulls({ ...args, bookingId: args.bookingId?.toString() }))).items,
    }),
    myJobs: t.field({
      type: [AssignmentRef],
      description: "The caller's assignments of a shop day (default today) in start order (GET /api/v1/assignments/mine).",
      args: { date: t.arg.string({ description: "Shop day YYYY-MM-DD" }) },
      resolve: (_root, args, context) => myJobs(context.principal, withoutNulls(args)),
    }),
  }));

  builder.mutationFields((t) => ({
    assignBooking: t.field({
      type: AssignmentRef,
      description: "Give a booking (or one of its services) to a mechanic for [startsAt, endsAt) (POST /api/v1/assignments).",
      args: {
        bookingId: t.arg.id({ required: true }),
        bookedServiceId: t.arg.id(),
        mechanicId: t.arg.string({ required: true }),
        startsAt: t.arg.string({ required: true, description: "ISO 8601 instant" }),
        endsAt: t.arg.string({ required: true, description: "ISO 8601 instant (exclusive)" }),
        note: t.arg.string(),
      },
      resolve: (_root, args, context) =>
        assignBooking(context.principal, withoutNulls({ ...args, bookingId: String(args.bookingId), bookedServiceId: args.bookedServiceId?.toString() })),
    }),
    autoAssignBooking: t.field({
      type: AssignmentRef,
      description: "Give the work to the least-loaded free mechanic (POST /api/v1/assignments/auto).",
      args: {
        bookingId: t.arg.id({ required: true }),
        bookedServiceId: t.arg.id(),
        startsAt: t.arg.string({ required: true }),
        endsAt: t.arg.string({ required: true }),
        candidateIds: t.arg.stringList(),
        note: t.arg.string(),
      },
      resolve: (_root, args, context) =>
        autoAssign(context.principal, withoutNulls({ ...args, bookingId: String(args.bookingId), bookedServiceId: args.bookedServiceId?.toString() })),
    }),
    reassignAssignment: t.field({
      type: AssignmentRef,
      description: "Hand an assignment over: it becomes REASSIGNED and the new one is returned (POST /api/v1/assignments/{id}/reassign).",
      args: { id: t.arg.id({ required: true }), mechanicId: t.arg.string({ required: true }), startsAt: t.arg.string(), endsAt: t.arg.string(), note: t.arg.string() },
      resolve: (_root, args, context) => {
        const { id, ...rest } = withoutNulls(args);
        return reassignAssignment(context.principal, String(id), rest);
      },
    }),
    acceptAssignment: t.field({
      type: AssignmentRef,
      args: { id: t.arg.id({ required: true }), note: t.arg.string() },
      resolve: (_root, args, context) => stepAssignment(context.principal, String(args.id), "accept", withoutNulls({ note: args.note })),
    }),
    startAssignment: t.field({
      type: AssignmentRef,
      args: { id: t.arg.id({ required: true }), note: t.arg.string() },
      resolve: (_root, args, context) => stepAssignment(context.principal, String(args.id), "start", withoutNulls({ note: args.note })),
    }),
    finishAssignment: t.field({
      type: AssignmentRef,
      args: { id: t.arg.id({ required: true }), note: t.arg.string() },
      resolve: (_root, args, context) => stepAssignment(context.principal, String(args.id), "finish", withoutNulls({ note: args.note })),
    }),
  }));
}

// ── workshop: inspections, their templates and photos, recommended work ──
function inspectionGraphQL({ builder }: GraphQLParts, { BookingRef }: ReturnType<typeof bookingGraphQL>) {
  const RatingEnum = builder.enumType("InspectionRating", { values: INSPECTION_RATINGS });
  const SeverityEnum = builder.enumType("RecommendationSeverity", { values: ["ATTENTION", "CRITICAL"] as const });
  const RecommendationStatusEnum = builder.enumType("RecommendationStatus", { values: ["PENDING", "APPROVED", "DECLINED"] as const });

  const InspectionTemplateItemRef = builder.objectRef<InspectionTemplateItemView>("InspectionTemplateItem").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      position: t.exposeInt("position"),
      label: t.exposeString("label"),
      measurementUnit: t.exposeString("measurementUnit", { nullable: true }),
      serviceId: t.exposeString("serviceId", { nullable: true, description: "The service recommended when the item is flagged." }),
      serviceName: t.exposeString("serviceName", { nullable: true }),
    }),
  });
  const InspectionTemplateRef = builder.objectRef<InspectionTemplateView>("InspectionTemplate").implement({
    description: "A checklist inspections start from (admins edit them).",
    fields: (t) => ({
      id: t.exposeID("id"),
      name: t.exposeString("name"),
      description: t.exposeString("description"),
      active: t.exposeBoolean("active"),
      items: t.field({ type: [InspectionTemplateItemRef], resolve: (template) => template.items }),
      createdAt: t.exposeString("createdAt"),
      updatedAt: t.exposeString("updatedAt"),
    }),
  });
  const InspectionPhotoRef = builder.objectRef<InspectionPhotoView>("InspectionPhoto").implement({
    description: "A photo of an inspection item; the URLs serve it to the booking's customer and staff only.",
    fields: (t) => ({
      id: t.exposeID("id"),
      itemId: t.exposeString("itemId"),
      contentType: t.exposeString("contentType"),
      sizeBytes: t.exposeInt("sizeBytes"),
      width: t.exposeInt("width"),
      height: t.exposeInt("height"),
      url: t.exposeString("url", { description: "The display copy (at most 1280 px wide)." }),
      originalUrl: t.exposeString("originalUrl"),
      createdAt: t.exposeString("createdAt"),
    }),
  });
  const InspectionItemRef = builder.objectRef<InspectionItemView>("InspectionItem").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      position: t.exposeInt("position"),
      label: t.exposeString("label"),
      rating: t.field({ type: RatingEnum, nullable: true, resolve: (item) => item.rating }),
      note: t.exposeString("note"),
      measurement: t.exposeFloat("measurement", { nullable: true }),
      measurementUnit: t.exposeString("measurementUnit", { nullable: true }),
      serviceId: t.exposeString("serviceId", { nullable: true }),
      serviceName: t.exposeString("serviceName", { nullable: true }),
      photos: t.field({ type: [InspectionPhotoRef], resolve: (item) => item.photos }),
      recommendationId: t.exposeString("recommendationId", { nullable: true }),
    }),
  });
  const InspectionRef = builder.objectRef<InspectionView>("Inspection").implement({
    description: "A booking's inspection (the spec's Booking Analysis): a draft until submitted.",
    fields: (t) => ({
      id: t.exposeID("id"),
      bookingId: t.exposeString("bookingId"),
      templateId: t.exposeString("templateId", { nullable: true }),
      templateName: t.exposeString("templateName"),
      mechanicId: t.exposeString("mechanicId", { nullable: true }),
      mechanicName: t.exposeString("mechanicName"),
      summary: t.exposeString("summary"),
      submittedAt: t.exposeString("submittedAt", { nullable: true }),
      createdAt: t.exposeString("createdAt"),
      updatedAt: t.exposeString("updatedAt"),
      items: t.field({ type: [InspectionItemRef], resolve: (inspection) => inspection.items }),
    }),
  });
  const RecommendationRef = builder.objectRef<RecommendationView>("Recommendation").implement({
    description: "Work recommended on a booking, priced from the chart for the car (minor units); the customer approves or declines it.",
    fields: (t) => ({
      id: t.exposeID("id"),
      bookingId: t.exposeString("bookingId"),
      carId: t.exposeString("carId", { nullable: true }),
      inspectionItemId: t.exposeString("inspectionItemId", { nullable: true }),
      deferredFromId: t.exposeString("deferredFromId", { nullable: true }),
      serviceId: t.exposeString("serviceId", { nullable: true }),
      serviceName: t.exposeString("serviceName"),
      severity: t.field({ type: SeverityEnum, resolve: (recommendation) => recommendation.severity }),
      reason: t.exposeString("reason"),
      labourMinutes: t.exposeInt("labourMinutes"),
      chartPriceMinor: t.exposeInt("chartPriceMinor"),
      priceSource: t.exposeString("priceSource"),
      priceMinor: t.exposeInt("priceMinor"),
      adjustmentReason: t.exposeString("adjustmentReason", { nullable: true }),
      gstCode: t.exposeString("gstCode"),
      gstBasisPoints: t.exposeInt("gstBasisPoints"),
      taxMinor: t.exposeInt("taxMinor"),
      currency: t.exposeString("currency"),
      status: t.field({ type: RecommendationStatusEnum, resolve: (recommendation) => recommendation.status }),
      version: t.exposeInt("version"),
      bookedServiceId: t.exposeString("bookedServiceId", { nullable: true }),
      createdByName: t.exposeString("createdByName"),
      decidedAt: t.exposeString("decidedAt", { nullable: true }),
      createdAt: t.exposeString("createdAt"),
      updatedAt: t.exposeString("updatedAt"),
    }),
  });
  const InspectionSubmissionRef = builder.objectRef<InspectionSubmittedView>("InspectionSubmission").implement({
    fields: (t) => ({
      inspection: t.field({ type: InspectionRef, resolve: (result) => result.inspection }),
      recommendations: t.field({ type: [RecommendationRef], resolve: (result) => result.recommendations }),
      booking: t.field({ type: BookingRef, resolve: (result) => result.booking }),
    }),
  });

  // One query per list of bookings, whatever its length.
  builder.objectFields(BookingRef, (t) => ({
    inspection: t.field({
      type: InspectionRef,
      nullable: true,
      description: "Null until an inspection is started (READ:BOOKING_ANALYSIS).",
      resolve: (booking, _args, context) =>
        loadKeyed<InspectionView | null>(context, "garage.inspection", booking.id, (ids) => inspectionsForBookings(context.principal, ids), null),
    }),
    recommendations: t.field({
      type: [RecommendationRef],
      description: "Work recommended on the booking, oldest first (READ:BOOKING_RECOMMENDATIONS).",
      resolve: (booking, _args, context) =>
        loadKeyed<RecommendationView[]>(context, "garage.recommendations", booking.id, (ids) => recommendationsForBookings(context.principal, ids), []),
    }),
  }));

  builder.queryFields((t) => ({
    inspectionTemplates: t.field({
      type: [InspectionTemplateRef],
      args: { active: t.arg.boolean(), limit: t.arg.int(), offset: t.arg.int() },
      resolve: async (_root, args, context) => {
        const { active, ...page } = withoutNulls(args);
        return (await listInspectionTemplates(context.principal, { ...page, ...(active !== undefined ? { active: String(active) } : {}) })).items;
      },
    }),
    inspection: t.field({
      type: InspectionRef,
      nullable: true,
      description: "A booking's inspection (GET /api/v1/bookings/{id}/inspection); null when there is none or the booking is not the caller's.",
      args: { bookingId: t.arg.id({ required: true }) },
      resolve: (_root, args, context) => nullIfNotFound(() => getInspection(context.principal, String(args.bookingId))),
    }),
  }));

  builder.mutationFields((t) => ({
    startInspection: t.field({
      type: InspectionRef,
      description: "The assigned mechanic or an admin starts a checked-in booking's inspection from a template (the booking moves to INSPECTING).",
      args: { bookingId: t.arg.id({ required: true }), templateId: t.arg.id({ required: true }) },
      resolve: (_root, args, context) => startInspection(context.principal, String(args.bookingId), { templateId: String(args.templateId) }),
    }),
    rateInspectionItem: t.field({
      type: InspectionRef,
      description: "Rate an item of the draft, with a note, a measurement in its unit and the service to recommend.",
      args: {
        bookingId: t.arg.id({ required: true }),
        itemId: t.arg.id({ required: true }),
        rating: t.arg({ type: RatingEnum }),
        note: t.arg.string(),
        measurement: t.arg.float(),
        serviceId: t.arg.id(),
      },
      resolve: (_root, args, context) => {
        const { bookingId, itemId, serviceId, ...change } = withoutNulls(args);
        return updateInspection(context.principal, String(bookingId), { items: [{ id: String(itemId), ...change, ...(serviceId ? { serviceId: String(serviceId) } : {}) }] });
      },
    }),
    submitInspection: t.field({
      type: InspectionSubmissionRef,
      description: "Every item rated; flagged items with a service become recommendations; the booking moves to AWAITING_APPROVAL or IN_PROGRESS.",
      args: { bookingId: t.arg.id({ required: true }) },
      resolve: (_root, args, context) => submitInspection(context.principal, String(args.bookingId)),
    }),
    recommendWork: t.field({
      type: RecommendationRef,
      description: "Staff recommend a service on a booking (POST /api/v1/bookings/{id}/recommendations).",
      args: {
        bookingId: t.arg.id({ required: true }),
        serviceId: t.arg.id({ required: true }),
        severity: t.arg({ type: SeverityEnum, required: true }),
        reason: t.arg.string(),
        priceMinor: t.arg.int(),
        adjustmentReason: t.arg.string(),
      },
      resolve: (_root, args, context) => {
        const { bookingId, serviceId, ...rest } = withoutNulls(args);
        return addRecommendation(context.principal, String(bookingId), { ...rest, serviceId: String(serviceId) });
      },
    }),
    adjustRecommendation: t.field({
      type: RecommendationRef,
      description: "Staff adjust a pending recommendation (PATCH /api/v1/recommendations/{id}).",
      args: {
        id: t.arg.id({ required: true }),
        severity: t.arg({ type: SeverityEnum }),
        reason: t.arg.string(),
        priceMinor: t.arg.int(),
        adjustmentReason: t.arg.string(),
      },
      resolve: (_root, args, context) => {
        const { id, ...changes } = withoutNulls(args);
        return updateRecommendation(context.principal, String(id), changes);
      },
    }),
  }));
  return { RecommendationRef };
}
