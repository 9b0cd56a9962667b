import { payloadText } from "../../events/types";
import { PUBLIC_ID_PATTERN } from "../../identity/roles";
import { roleChannel, userChannel } from "../../realtime/channels";
import { defineModule } from "../contract";
import { rentalOperations } from "./openapi";
import { seedRentalDemo } from "./demo";
import { rentalsGraphQL } from "./graphql";
import { rentalNotifications } from "./notifications";
import { RENTAL_SETTINGS } from "./settings";
import { countOpenRentals } from "./services/rentals";
import { isRentalStaff, RENTAL_EVENT_TEXT, RENTAL_QUERY_KEYS, RENTAL_RESOURCES, RENTAL_TOPICS } from "./vocabulary";

/** A rental company's fleet across branches: customers request, staff approve, hand over and take back. */
export const rentalsModule = defineModule({
  name: "rentals",
  card: {
    title: "Rentals",
    summary: "Browse the fleet across branches and follow requests from approval to return.",
    scope: "READ:VEHICLES",
    href: "/rentals",
    pitch: {
      summary: "A rental company runs its fleet across branches: customers request, staff approve and hand over.",
      points: [
        "Browse the fleet by type, price, city and dates",
        "Requests, approvals, pick-up and return with a full history",
        "Customers and staff see every change as it happens",
      ],
    },
    accentClass: "border-t-rentals",
  },
  routes: ["app/(app)/rentals", "app/admin/rentals", "app/admin/fleet", "app/admin/branches", "app/api/v1/branches", "app/api/v1/vehicles", "app/api/v1/rentals"],
  operations: rentalOperations,
  resources: RENTAL_RESOURCES,
  grants: {
    // Customers request and cancel their own rentals ("(own)" in the services).
    CUSTOMER: { BRANCHES: "R", VEHICLES: "R", RENTALS: "RWU" },
    EMPLOYEE: { BRANCHES: "RWUD", VEHICLES: "RWUD", RENTALS: "RWUD" },
    MECHANIC: { BRANCHES: "R", VEHICLES: "R" },
  },
  topics: RENTAL_TOPICS,
  navigation: [
    { href: "/rentals", label: "Rentals", scope: "READ:VEHICLES", icon: "car" },
    // Customers hold UPDATE:RENTALS only "(own)": the requests desk is for staff.
    {
      href: "/admin/rentals",
      label: "Requests",
      scope: "UPDATE:RENTALS",
      visible: isRentalStaff,
      description: "Approve or decline rental requests, hand vehicles over and take them back.",
    },
    { href: "/admin/fleet", label: "Fleet", scope: "UPDATE:VEHICLES", description: "Every vehicle by branch, with maintenance and retirement controls." },
    { href: "/admin/branches", label: "Branches", scope: "WRITE:BRANCHES", description: "Open, edit and close rental branches." },
  ],
  audience(event) {
    if (event.topic === "rental_events") {
      // The customer hears every change of their rental; staff hear new requests and every change.
      const customerId = payloadText(event.payload, "customerId");
      const customer = customerId && PUBLIC_ID_PATTERN.test(customerId) ? [userChannel(customerId)] : [];
      return [...customer, roleChannel("EMPLOYEE")];
    }
    return [roleChannel("EMPLOYEE")];
  },
  notifications: (event, tx) => rentalNotifications(event, tx),
  live: { queryKeys: RENTAL_QUERY_KEYS, userEventText: RENTAL_EVENT_TEXT },
  seedDemo: async (database) => {
    const { branchesCreated, vehiclesCreated, rentalsCreated } = await seedRentalDemo(database);
    return { branches: branchesCreated, vehicles: vehiclesCreated, rentals: rentalsCreated };
  },
  settings: RENTAL_SETTINGS,
  graphql: rentalsGraphQL,
  accounts: {
    liveCommitments: async (tx, accountId) => ({ rentals: { count: await countOpenRentals(tx, accountId), label: "open rentals" } }),
  },
});
