import type { GraphQLParts } from "../../graphql/builder";

/**
 * The garage's part of the GraphQL API: the same services as the REST routes, so the
 * same scopes, "(own)" rules, messages and fields.
 */
export function garageGraphQL(parts: GraphQLParts): void {
  catalogueGraphQL(parts);
  customerGraphQL(parts);
  bookingGraphQL(parts);
}

// ── catalogue: categories, services, car models, price chart, GST, areas; content pages ──
function catalogueGraphQL(_parts: GraphQLParts): void {}



// ── customers: cars, addresses, cart, favourites ──
function customerGraphQL(_parts: GraphQLParts): void {}



// ── bookings, slots and support queries ──
function bookingGraphQL(_parts: GraphQLParts): void {}
