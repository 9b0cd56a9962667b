import { payloadText } from "../../events/types";
import { PUBLIC_ID_PATTERN } from "../../identity/roles";
import { roleChannel, userChannel } from "../../realtime/channels";
import { defineModule } from "../contract";
import { seedGarageDemo } from "./demo";
import { garageGraphQL } from "./graphql";
import { garageNotifications } from "./notifications";
import { garageOperations } from "./openapi";
import { countOpenBookings } from "./services/bookings";
import { GARAGE_SETTINGS } from "./settings";
import { actsOnOwnRowsOnly, GARAGE_EVENT_TEXT, GARAGE_QUERY_KEYS, GARAGE_RESOURCES, GARAGE_TOPICS } from "./vocabulary";

const isGarageStaff = (principal: Parameters<typeof actsOnOwnRowsOnly>[0]) => !actsOnOwnRowsOnly(principal);

/** The user channel of the person a payload names (owner, customer, mechanic), when it names one. */
function ownerChannel(payload: unknown, field: "ownerId" | "customerId" | "mechanicId" | "previousMechanicId"): string[] {
  const id = payloadText(payload, field);
  return id && PUBLIC_ID_PATTERN.test(id) ? [userChannel(id)] : [];
}

/**
 * The garage (RevCare): a service shop's catalogue and price chart, the customers' cars,
 * cart and bookings against the shop's capacity, its pages and support desk.
 */
export const garageModule = defineModule({
  name: "garage",
  card: {
    title: "Garage",
    summary: "Find a service, see its price for your car, and book a drop-off slot.",
    scope: "READ:SERVICES",
    href: "/garage",
    pitch: {
      summary: "A service shop takes bookings, assigns mechanics and reports progress until the car is ready.",
      points: ["Service catalogue with prices for your car", "Cart, checkout and drop-off slots the shop can honour", "Support answers as they are written"],
    },
    accentClass: "border-t-garage",
  },
  routes: [
    "app/(app)/garage",
    "app/admin/garage",
    // catalogue: categories, services, car models, price chart, GST, areas, content, favourites
    "app/api/v1/service-categories",
    "app/api/v1/services",
    "app/api/v1/car-models",
    "app/api/v1/price-chart",
    "app/api/v1/gst",
    "app/api/v1/areas",
    "app/api/v1/content",
    "app/api/v1/favourites",
    "app/info",
    // customers: cars, addresses, cart
    "app/api/v1/customer-cars",
    "app/api/v1/addresses",
    "app/api/v1/cart",
    // bookings, slots and support queries
    "app/api/v1/bookings",
    "app/api/v1/assignments",
    "app/api/v1/garage",
    "app/api/v1/queries",
    // the workshop floor: recommended work and the customer's decisions
    // workshop: inspection templates, inspection photos, recommendations
    "app/api/v1/inspection-templates",
    "app/api/v1/inspection-photos",
    "app/api/v1/recommendations",
    // the workshop floor: reviews, invoices and payments
    "app/api/v1/reviews",
    "app/api/v1/invoices",
  ],
  operations: garageOperations,
  resources: GARAGE_RESOURCES,
  limitedActions: { CONTENT: ["READ", "UPDATE"], GST: ["READ", "UPDATE"], QUERIES: ["READ", "WRITE", "UPDATE"] },
  // The spec's matrix, cell by cell; "(own)" cells are narrowed in the services. EMPLOYEE gets none.
  grants: {
    MECHANIC: {
      SERVICES: "R",
      SERVICE_CATEGORIES: "R",
      PRICE_CHART: "R",
      SERVICE_REVIEWS: "R",
      BOOKINGS: "R",
      BOOKED_SERVICES: "R",
      BOOKING_ASSIGNMENT: "RU", // U (own)
      BOOKING_ANALYSIS: "RW",
      BOOKING_PROGRESS: "RW",
      // Not in the spec's matrix (it names the scopes only): mechanics write and adjust what they recommend.
      BOOKING_RECOMMENDATIONS: "RWU",
      CARS: "R",
      CUSTOMER_CARS: "R",
      ADDRESSES: "R",
      AREAS: "R",
      CART: "R",
      FAVOURITES: "R",
      CONTENT: "R",
      GST: "R",
    },
    CUSTOMER: {
      SERVICES: "R",
      SERVICE_CATEGORIES: "R",
      PRICE_CHART: "R",
      SERVICE_REVIEWS: "RWUD", // U, D (own)
      BOOKINGS: "RWU", // R, U (own)
      BOOKED_SERVICES: "R", // (own), with their bookings
      BOOKING_ASSIGNMENT: "R",
      BOOKING_ANALYSIS: "R",
      BOOKING_PROGRESS: "R",
      BOOKING_RECOMMENDATIONS: "RU", // R, U (own): the customer approves or declines what is recommended for their car
      CARS: "R",
      CUSTOMER_CARS: "RWUD", // R, U, D (own)
      ADDRESSES: "RWUD", // R, U, D (own)
      AREAS: "R",
      CART: "RWD", // R, D (own)
      FAVOURITES: "RWD", // R, D (own)
      CONTENT: "R",
      GST: "R",
      QUERIES: "RW", // R (own)
    },
  },
  topics: GARAGE_TOPICS,
  navigation: [
    { href: "/garage", label: "Garage", scope: "READ:SERVICES", icon: "wrench" },
    {
      href: "/admin/garage/bookings",
      label: "Workshop",
      scope: "READ:BOOKINGS",
      visible: isGarageStaff,
      description: "Every garage booking by day and status, live as customers book, and the support inbox.",
    },
    {
      href: "/admin/garage/dashboard",
      label: "Garage dashboard",
      scope: "READ:UTILS",
      description: "Bookings per day, revenue, how often customers approve recommended work, and mechanic utilisation.",
    },
    {
      href: "/admin/garage/board",
      label: "Job board",
      scope: "READ:BOOKINGS",
      visible: isGarageStaff,
      description: "Every car in the shop by workshop status; move a card to move the job on.",
    },
    // Admins at the desk: customers hold UPDATE:BOOKINGS only "(own)", mechanics not at all.
    { href: "/admin/garage/invoices", label: "Invoices", scope: "UPDATE:BOOKINGS", visible: isGarageStaff, description: "Invoices with their balance due, payments at the desk and credit notes." },
    // The staff pages' scopes are ones customers never hold, not even "(own)".
    {
      href: "/admin/garage/jobs",
      label: "My jobs",
      scope: "UPDATE:BOOKING_ASSIGNMENT",
      // Admins hold the scope too, but only mechanics are given jobs.
      visible: (principal) => principal.role === "MECHANIC",
      description: "Today's assignments in order: accept, start and finish each.",
    },
    {
      href: "/admin/garage/planner",
      label: "Assignment planner",
      scope: "WRITE:BOOKING_ASSIGNMENT",
      description: "Mechanics across a day, and the open bookings nobody works on yet.",
    },
    { href: "/admin/garage/support", label: "Support inbox", scope: "UPDATE:QUERIES" },
    {
      href: "/admin/garage/catalogue",
      label: "Garage catalogue",
      scope: "WRITE:SERVICES",
      description: "Services, the price chart by segment, car models, areas, GST and the shop's pages.",
    },
    { href: "/admin/garage/car-models", label: "Car models", scope: "WRITE:CARS" },
    // Mechanics hold READ and WRITE of Booking Analysis (to inspect); editing templates needs UPDATE, which only admins hold.
    { href: "/admin/garage/inspection-templates", label: "Inspection templates", scope: "UPDATE:BOOKING_ANALYSIS" },
    { href: "/admin/garage/areas", label: "Areas", scope: "WRITE:AREAS" },
    { href: "/admin/garage/gst", label: "GST", scope: "UPDATE:GST" },
    { href: "/admin/garage/content", label: "Shop pages", scope: "UPDATE:CONTENT" },
  ],
  footer: [
    { href: "/info/about", label: "About the garage" },
    { href: "/info/opening-hours", label: "Opening hours" },
    { href: "/info/faq", label: "FAQ" },
    { href: "/info/terms", label: "Terms" },
  ],
  audience(event) {
    switch (event.topic) {
      case "booking_events":
        // Assignments also reach the mechanic's own channel (and, handed over, the one it left); admins hear every event.
        return [
          ...ownerChannel(event.payload, "customerId"),
          roleChannel("MECHANIC"),
          ...(event.type.startsWith("assignment.") ? [...ownerChannel(event.payload, "mechanicId"), ...ownerChannel(event.payload, "previousMechanicId")] : []),
        ];
      case "query_events":
        return ownerChannel(event.payload, "customerId");
      case "car_events":
        return [...ownerChannel(event.payload, "ownerId"), roleChannel("MECHANIC")];
      case "address_events":
      case "cart_events":
        return ownerChannel(event.payload, "ownerId");
      default:
        // The catalogue, its prices and the shop's pages: everyone who reads them.
        return [roleChannel("CUSTOMER"), roleChannel("MECHANIC")];
    }
  },
  notifications: (event, tx) => garageNotifications(event, tx),
  live: { queryKeys: GARAGE_QUERY_KEYS, userEventText: GARAGE_EVENT_TEXT },
  seedDemo: seedGarageDemo,
  settings: GARAGE_SETTINGS,
  graphql: garageGraphQL,
  accounts: {
    // Open bookings hold a slot and a car: the account goes once they are delivered or cancelled.
    liveCommitments: async (tx, accountId) => ({ garageBookings: { count: await countOpenBookings(tx, accountId), label: "open garage bookings" } }),
  },
});
