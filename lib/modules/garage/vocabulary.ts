/**
 * The garage's names (RevCare spec: revcare-auth-rbac.md). Client-safe.
 */

export const GARAGE_RESOURCES = {
  SERVICES: "Services",
  SERVICE_CATEGORIES: "Service categories",
  PRICE_CHART: "Price chart",
  SERVICE_REVIEWS: "Service reviews",
  BOOKINGS: "Bookings",
  BOOKED_SERVICES: "Booked services",
  BOOKING_ASSIGNMENT: "Booking assignment",
  BOOKING_ANALYSIS: "Booking analysis",
  BOOKING_PROGRESS: "Booking progress",
  BOOKING_RECOMMENDATIONS: "Booking recommendations",
  CARS: "Car models",
  CUSTOMER_CARS: "Customer cars",
  ADDRESSES: "Addresses",
  AREAS: "Areas",
  CART: "Cart",
  FAVOURITES: "Favourites",
  CONTENT: "Content",
  GST: "GST",
  QUERIES: "Queries",
  NOTIFICATION_LOG: "Notification logs",
  BACKUP: "Backup",
  UTILS: "Utilities",
} as const;
export type GarageResource = keyof typeof GARAGE_RESOURCES;

export const GARAGE_TOPICS = ["booking_events"] as const;
export type GarageTopic = (typeof GARAGE_TOPICS)[number];
