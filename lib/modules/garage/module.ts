import { defineModule } from "../contract";
import { GARAGE_RESOURCES } from "./vocabulary";

/**
 * The garage (RevCare): bookings, inspection and repairs. Its pages and services are
 * not built yet; what exists is its part of the role matrix (the spec's) and its card.
 */
export const garageModule = defineModule({
  name: "garage",
  card: {
    title: "Garage",
    summary: "Service catalogue, bookings, mechanic assignment and progress updates.",
    scope: "READ:SERVICES",
    pitch: {
      summary: "A service shop takes bookings, assigns mechanics and reports progress until the car is ready.",
      points: ["Service catalogue and price chart", "Bookings, inspections and progress updates", "Reviews once the work is done"],
    },
    accentClass: "border-t-garage",
  },
  resources: GARAGE_RESOURCES,
  limitedActions: { CONTENT: ["READ", "UPDATE"], GST: ["READ", "UPDATE"], QUERIES: ["READ", "WRITE", "UPDATE"] },
  grants: {
    MECHANIC: {
      SERVICES: "R",
      SERVICE_CATEGORIES: "R",
      PRICE_CHART: "R",
      SERVICE_REVIEWS: "R",
      BOOKINGS: "R",
      BOOKING_ASSIGNMENT: "RU", // U (own)
      BOOKING_ANALYSIS: "RW",
      BOOKING_PROGRESS: "RW",
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
      BOOKING_ASSIGNMENT: "R",
      BOOKING_ANALYSIS: "R",
      BOOKING_PROGRESS: "R",
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
    EMPLOYEE: { CONTENT: "R", GST: "R" },
  },
  topics: ["booking_events"],
  live: { queryKeys: { booking_events: [["bookings"]] } },
});
