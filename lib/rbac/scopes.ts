/**
 * Every permission scope in Wheelhouse, `ACTION:RESOURCE`. The garage resources are
 * the spec's (revcare-auth-rbac.md); the rest belong to the platform's other modules.
 */
export const ACTIONS = ["READ", "WRITE", "UPDATE", "DELETE"] as const;
export type Action = (typeof ACTIONS)[number];

export const RESOURCES = {
  // platform
  RBAC: "Roles and permissions",
  USERS: "Users",
  CUSTOMERS: "Customers",
  MECHANICS: "Mechanics",
  EMPLOYEES: "Employees",
  ADMINS: "Admins",
  REFRESH_TOKENS: "Refresh tokens",
  EVENTS: "Event log",
  // garage (spec)
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
  // rentals
  BRANCHES: "Branches",
  VEHICLES: "Vehicles",
  RENTALS: "Rentals",
  // parking
  SPOTS: "Parking spots",
  RESERVATIONS: "Reservations",
  CREDITS: "Credits",
} as const;
export type Resource = keyof typeof RESOURCES;

/** Resources whose spec lists only some actions. */
const LIMITED_ACTIONS: Partial<Record<Resource, readonly Action[]>> = {
  CONTENT: ["READ", "UPDATE"],
  GST: ["READ", "UPDATE"],
  QUERIES: ["READ", "WRITE", "UPDATE"],
};

export type Scope = `${Action}:${Resource}`;

export function scopeOf(action: Action, resource: Resource): Scope {
  return `${action}:${resource}`;
}

export const ALL_SCOPES: readonly Scope[] = (Object.keys(RESOURCES) as Resource[]).flatMap((resource) =>
  (LIMITED_ACTIONS[resource] ?? ACTIONS).map((action) => scopeOf(action, resource)),
);

const scopeSet = new Set<string>(ALL_SCOPES);
export function isScope(value: string): value is Scope {
  return scopeSet.has(value);
}

export function parseScope(scope: Scope): { action: Action; resource: Resource } {
  const [action, resource] = scope.split(":") as [Action, Resource];
  return { action, resource };
}
