import type { RoleName } from "../identity/roles";
import { ALL_SCOPES, type Resource, type Scope } from "./scopes";

/**
 * The default role → scope matrix, seeded into role_permissions; at run time the
 * database is the truth (admins edit it). Entries the spec marks "(own)" are
 * granted here and narrowed to the caller's own rows by the services.
 */
type Grants = Partial<Record<Resource, string>>;

/** R = READ, W = WRITE (create), U = UPDATE, D = DELETE. */
function expand(grants: Grants): Scope[] {
  const names = { R: "READ", W: "WRITE", U: "UPDATE", D: "DELETE" } as const;
  return (Object.entries(grants) as Array<[Resource, string]>).flatMap(([resource, letters]) =>
    [...letters].map((letter) => `${names[letter as keyof typeof names]}:${resource}` as Scope),
  );
}

const MECHANIC: Grants = {
  USERS: "R",
  CUSTOMERS: "R",
  MECHANICS: "RU", // U (own)
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
  BRANCHES: "R",
  VEHICLES: "R",
};

const CUSTOMER: Grants = {
  USERS: "R",
  CUSTOMERS: "RUD", // U, D (own)
  MECHANICS: "R",
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
  // rentals: customers request and cancel their own rentals
  BRANCHES: "R",
  VEHICLES: "R",
  RENTALS: "RWU", // R, U (own)
  // parking: residents own their spots, reservations and credits
  SPOTS: "RWUD", // U, D (own)
  RESERVATIONS: "RWU", // R, U (own)
  CREDITS: "R", // (own)
};

const EMPLOYEE: Grants = {
  USERS: "R",
  CUSTOMERS: "R",
  EMPLOYEES: "RU", // U (own)
  CONTENT: "R",
  GST: "R",
  BRANCHES: "RWUD",
  VEHICLES: "RWUD",
  RENTALS: "RWUD",
};

export const DEFAULT_ROLE_SCOPES: Record<RoleName, readonly Scope[]> = {
  ADMIN: ALL_SCOPES,
  MECHANIC: expand(MECHANIC),
  CUSTOMER: expand(CUSTOMER),
  EMPLOYEE: expand(EMPLOYEE),
};

/** Scopes an admin cannot take away from the ADMIN role, so nobody locks themselves out of the matrix. */
export const ADMIN_LOCKED_SCOPES: readonly Scope[] = ["READ:RBAC", "UPDATE:RBAC"];
