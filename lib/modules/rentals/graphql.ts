import { nullIfNotFound, withoutNulls, type GraphQLParts } from "../../graphql/builder";
import { liveEvents } from "../../graphql/live";
import type { LoggedEvent } from "../../events/types";
import { requireStaffScope } from "./services/access";
import { getBranch, listBranches } from "./services/branches";
import {
  approveRental,
  cancelRental,
  getRental,
  listRentals,
  overlappingBookings,
  pickUpRental,
  rejectRental,
  requestRental,
  returnRental,
} from "./services/rentals";
import { bookedPeriods, getVehicle, listVehicles } from "./services/vehicles";
import type { BookedPeriod, BranchView, RentalHistoryEntry, RentalView, VehicleView } from "./views";
import { FUELS, RENTAL_STATUSES, TRANSMISSIONS, VEHICLE_STATUSES, VEHICLE_TYPES, type VehicleSort } from "./vocabulary";

/** GraphQL enum names cannot start with "-": each REST sort value under a name. */
const VEHICLE_SORT_VALUES = {
  MAKE: { value: "make" },
  MAKE_DESC: { value: "-make" },
  PRICE: { value: "price" },
  PRICE_DESC: { value: "-price" },
  YEAR: { value: "year" },
  YEAR_DESC: { value: "-year" },
} as const satisfies Record<string, { value: VehicleSort }>;

const RENTAL_SORT_VALUES = {
  CREATED: { value: "created" },
  CREATED_DESC: { value: "-created" },
  START: { value: "start" },
  START_DESC: { value: "-start" },
} as const;

/** A change to a rental, as the live channels carry it: what happened and the rental afterwards. */
interface RentalUpdate {
  type: string;
  rental: RentalView;
}

/** The staff queue: pending requests by start date, each saying whether approving it would clash with a booking. */
interface QueuedRental {
  rental: RentalView;
  overlapsBooking: boolean;
}

/**
 * Rentals' part of the GraphQL API: the same services as the REST routes, so the
 * same scopes, "(own)" rules and messages, and the same fields (a rental shows its
 * customer's id and name, as REST does; branches their public phone number).
 */
export function rentalsGraphQL({ builder, Me, Person }: GraphQLParts): void {
  const VehicleTypeEnum = builder.enumType("VehicleType", { values: VEHICLE_TYPES });
  const TransmissionEnum = builder.enumType("Transmission", { values: TRANSMISSIONS });
  const FuelEnum = builder.enumType("Fuel", { values: FUELS });
  const VehicleStatusEnum = builder.enumType("VehicleStatus", { values: VEHICLE_STATUSES });
  const RentalStatusEnum = builder.enumType("RentalStatus", { values: RENTAL_STATUSES });
  const VehicleSortEnum = builder.enumType("VehicleSort", { values: VEHICLE_SORT_VALUES });
  const RentalSortEnum = builder.enumType("RentalSort", { values: RENTAL_SORT_VALUES });

  const BranchRef = builder.objectRef<BranchView>("Branch").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      name: t.exposeString("name"),
      address: t.exposeString("address"),
      city: t.exposeString("city"),
      phone: t.exposeString("phone"),
      openingHours: t.exposeString("openingHours"),
      active: t.exposeBoolean("active"),
      createdAt: t.exposeString("createdAt"),
      updatedAt: t.exposeString("updatedAt"),
    }),
  });

  const VehicleBranchRef = builder.objectRef<VehicleView["branch"]>("VehicleBranch").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      name: t.exposeString("name"),
      city: t.exposeString("city"),
      active: t.exposeBoolean("active"),
    }),
  });

  const VehicleRef = builder.objectRef<VehicleView>("Vehicle").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      make: t.exposeString("make"),
      model: t.exposeString("model"),
      year: t.exposeInt("year"),
      type: t.field({ type: VehicleTypeEnum, resolve: (vehicle) => vehicle.type }),
      plate: t.exposeString("plate"),
      seats: t.exposeInt("seats"),
      transmission: t.field({ type: TransmissionEnum, resolve: (vehicle) => vehicle.transmission }),
      fuel: t.field({ type: FuelEnum, resolve: (vehicle) => vehicle.fuel }),
      dailyPrice: t.exposeFloat("dailyPrice"),
      branch: t.field({ type: VehicleBranchRef, resolve: (vehicle) => vehicle.branch }),
      photoUrl: t.exposeString("photoUrl", { nullable: true }),
      status: t.field({ type: VehicleStatusEnum, resolve: (vehicle) => vehicle.status }),
      createdAt: t.exposeString("createdAt"),
      updatedAt: t.exposeString("updatedAt"),
    }),
  });

  const BookedPeriodRef = builder.objectRef<BookedPeriod>("BookedPeriod").implement({
    description: "A period `[startDate, endDate)` the vehicle is already taken for.",
    fields: (t) => ({ startDate: t.exposeString("startDate"), endDate: t.exposeString("endDate") }),
  });

  const RentalBranchRef = builder.objectRef<RentalView["vehicle"]["branch"]>("RentalBranch").implement({
    fields: (t) => ({ id: t.exposeID("id"), name: t.exposeString("name"), city: t.exposeString("city") }),
  });

  const RentalVehicleRef = builder.objectRef<RentalView["vehicle"]>("RentalVehicle").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      make: t.exposeString("make"),
      model: t.exposeString("model"),
      year: t.exposeInt("year"),
      type: t.field({ type: VehicleTypeEnum, resolve: (vehicle) => vehicle.type }),
      plate: t.exposeString("plate"),
      photoUrl: t.exposeString("photoUrl", { nullable: true }),
      status: t.field({ type: VehicleStatusEnum, resolve: (vehicle) => vehicle.status }),
      branch: t.field({ type: RentalBranchRef, resolve: (vehicle) => vehicle.branch }),
    }),
  });

  const RentalHistoryEntryRef = builder.objectRef<RentalHistoryEntry>("RentalHistoryEntry").implement({
    fields: (t) => ({
      fromStatus: t.field({ type: RentalStatusEnum, nullable: true, resolve: (entry) => entry.fromStatus }),
      status: t.field({ type: RentalStatusEnum, resolve: (entry) => entry.status }),
      at: t.exposeString("at"),
      actorId: t.exposeString("actorId", { nullable: true }),
      actorName: t.exposeString("actorName"),
      note: t.exposeString("note", { nullable: true }),
    }),
  });

  const RentalRef = builder.objectRef<RentalView>("Rental").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      vehicle: t.field({ type: RentalVehicleRef, resolve: (rental) => rental.vehicle }),
      customer: t.field({ type: Person, nullable: true, description: "Null once the account is deleted.", resolve: (rental) => rental.customer }),
      startDate: t.exposeString("startDate"),
      endDate: t.exposeString("endDate"),
      days: t.exposeInt("days"),
      status: t.field({ type: RentalStatusEnum, resolve: (rental) => rental.status }),
      dailyPrice: t.exposeFloat("dailyPrice"),
      totalPrice: t.exposeFloat("totalPrice"),
      lateDays: t.exposeInt("lateDays"),
      lateFee: t.exposeFloat("lateFee"),
      amountDue: t.exposeFloat("amountDue", { description: "totalPrice + lateFee" }),
      rejectionReason: t.exposeString("rejectionReason", { nullable: true }),
      pickedUpAt: t.exposeString("pickedUpAt", { nullable: true }),
      returnedAt: t.exposeString("returnedAt", { nullable: true }),
      createdAt: t.exposeString("createdAt"),
      updatedAt: t.exposeString("updatedAt"),
      history: t.field({ type: [RentalHistoryEntryRef], resolve: (rental) => rental.history }),
    }),
  });

  const QueuedRentalRef = builder.objectRef<QueuedRental>("QueuedRental").implement({
    fields: (t) => ({
      rental: t.field({ type: RentalRef, resolve: (queued) => queued.rental }),
      overlapsBooking: t.exposeBoolean("overlapsBooking", { description: "Approving it would be refused: an approved or active rental of the vehicle overlaps it." }),
    }),
  });

  const RentalUpdateRef = builder.objectRef<RentalUpdate>("RentalUpdate").implement({
    fields: (t) => ({
      type: t.exposeString("type", { description: "rental.requested, rental.approved, rental.rejected, rental.picked_up, rental.returned or rental.cancelled" }),
      rental: t.field({ type: RentalRef, resolve: (update) => update.rental }),
    }),
  });

  const BranchFilterInput = builder.inputType("BranchFilter", {
    fields: (t) => ({ city: t.string(), active: t.boolean(), limit: t.int(), offset: t.int() }),
  });

  const VehicleFilterInput = builder.inputType("VehicleFilter", {
    fields: (t) => ({
      type: t.field({ type: VehicleTypeEnum }),
      status: t.field({ type: VehicleStatusEnum }),
      branchId: t.id(),
      city: t.string(),
      q: t.string({ description: "Words in the make or model" }),
      minPrice: t.float(),
      maxPrice: t.float(),
      availableFrom: t.string({ description: "YYYY-MM-DD; with availableTo: only vehicles free for [availableFrom, availableTo)" }),
      availableTo: t.string(),
      sort: t.field({ type: VehicleSortEnum }),
      limit: t.int(),
      offset: t.int(),
    }),
  });

  const RentalFilterInput = builder.inputType("RentalFilter", {
    fields: (t) => ({
      status: t.field({ type: RentalStatusEnum }),
      vehicleId: t.id(),
      branchId: t.id(),
      customerId: t.string({ description: "Staff only narrow by customer; customers always see their own" }),
      from: t.string({ description: "YYYY-MM-DD: rentals whose period overlaps [from, to)" }),
      to: t.string(),
      sort: t.field({ type: RentalSortEnum }),
      limit: t.int(),
      offset: t.int(),
    }),
  });

  builder.objectFields(Me, (t) => ({
    rentals: t.field({
      type: [RentalRef],
      description: "The rentals the caller requested.",
      args: { filter: t.arg({ type: RentalFilterInput }) },
      resolve: async (me, args) =>
        (await listRentals(me.principal, { ...withoutNulls(args.filter), customerId: me.principal.userId })).items,
    }),
  }));

  builder.queryFields((t) => ({
    branches: t.field({
      type: [BranchRef],
      args: { filter: t.arg({ type: BranchFilterInput }) },
      resolve: async (_root, args, context) => {
        const { active, ...filter } = withoutNulls(args.filter);
        return (await listBranches(context.principal, { ...filter, ...(active === undefined ? {} : { active: String(active) }) })).items;
      },
    }),
    branch: t.field({
      type: BranchRef,
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, context) => nullIfNotFound(() => getBranch(context.principal, String(args.id))),
    }),
    vehicles: t.field({
      type: [VehicleRef],
      description: "The catalogue, with the same filters as GET /api/v1/vehicles.",
      args: { filter: t.arg({ type: VehicleFilterInput }) },
      resolve: async (_root, args, context) => (await listVehicles(context.principal, withoutNulls(args.filter))).items,
    }),
    vehicle: t.field({
      type: VehicleRef,
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, context) => nullIfNotFound(() => getVehicle(context.principal, String(args.id))),
    }),
    vehicleBookedPeriods: t.field({
      type: [BookedPeriodRef],
      description: "The periods a vehicle is already taken for (approved or active rentals that have not ended).",
      args: { vehicleId: t.arg.id({ required: true }) },
      resolve: (_root, args, context) => bookedPeriods(context.principal, String(args.vehicleId)),
    }),
    rentals: t.field({
      type: [RentalRef],
      description: "Customers: their own rentals. Staff: every rental, filtered.",
      args: { filter: t.arg({ type: RentalFilterInput }) },
      resolve: async (_root, args, context) => (await listRentals(context.principal, withoutNulls(args.filter))).items,
    }),
    rental: t.field({
      type: RentalRef,
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, context) => nullIfNotFound(() => getRental(context.principal, String(args.id))),
    }),
    rentalQueue: t.field({
      type: [QueuedRentalRef],
      description: "Staff: pending requests, earliest start first.",
      args: { limit: t.arg.int(), offset: t.arg.int() },
      resolve: async (_root, args, context) => {
        await requireStaffScope(context.principal, "READ:RENTALS");
        const { items } = await listRentals(context.principal, { status: "PENDING", sort: "start", ...withoutNulls(args) });
        const blocked = await overlappingBookings(context.principal, items);
        return items.map((rental) => ({ rental, overlapsBooking: blocked.has(rental.id) }));
      },
    }),
  }));

  builder.mutationFields((t) => ({
    requestRental: t.field({
      type: RentalRef,
      args: {
        vehicleId: t.arg.id({ required: true }),
        startDate: t.arg.string({ required: true, description: "YYYY-MM-DD" }),
        endDate: t.arg.string({ required: true, description: "YYYY-MM-DD, the day the vehicle comes back" }),
      },
      resolve: (_root, args, context) =>
        requestRental(context.principal, { vehicleId: String(args.vehicleId), startDate: args.startDate, endDate: args.endDate }),
    }),
    cancelRental: t.field({
      type: RentalRef,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, context) => cancelRental(context.principal, String(args.id)),
    }),
    approveRental: t.field({
      type: RentalRef,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, context) => approveRental(context.principal, String(args.id)),
    }),
    rejectRental: t.field({
      type: RentalRef,
      args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
      resolve: (_root, args, context) => rejectRental(context.principal, String(args.id), { reason: args.reason }),
    }),
    pickUpRental: t.field({
      type: RentalRef,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, context) => pickUpRental(context.principal, String(args.id)),
    }),
    returnRental: t.field({
      type: RentalRef,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, context) => returnRental(context.principal, String(args.id)),
    }),
  }));
  builder.subscriptionFields((t) => ({
    myRentals: t.field({
      type: RentalUpdateRef,
      description: "Status changes of the caller's rentals as they happen (staff: of every rental), over Server-Sent Events.",
      subscribe: (_root, _args, context) => liveEvents(context, "rental_events", "READ:RENTALS"),
      resolve: (event: LoggedEvent) => ({ type: event.type, rental: event.payload as RentalView }),
    }),
  }));
}
