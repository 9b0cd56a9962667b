import type SchemaBuilder from "@pothos/core";
import type { ObjectRef } from "@pothos/core";
import type { Principal } from "../auth/principal";
import { NotFoundError } from "../errors";

export interface GraphQLContext {
  principal: Principal;
  /** The HTTP request (yoga adds it): subscriptions authenticate it again and stop when it is aborted. */
  request: Request;
}

export type WheelhouseSchemaBuilder = InstanceType<typeof SchemaBuilder<PothosSchemaTypes.ExtendDefaultTypes<{ Context: GraphQLContext }>>>;

/** The signed-in caller (`me`); modules add their fields to it. */
export interface Me {
  principal: Principal;
}

/** What a module's GraphQL part receives: the one builder and the platform's shared types. */
export interface GraphQLParts {
  builder: WheelhouseSchemaBuilder;
  Me: ObjectRef<PothosSchemaTypes.ExtendDefaultTypes<{ Context: GraphQLContext }>, Me>;
  Person: ObjectRef<PothosSchemaTypes.ExtendDefaultTypes<{ Context: GraphQLContext }>, { id: string; name: string }>;
}

/** GraphQL nulls mean "not given"; the services' schemas expect absent keys. */
export function withoutNulls<T extends Record<string, unknown>>(input: T | null | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(input ?? {}).filter(([, value]) => value !== null && value !== undefined)) as Partial<T>;
}

/** A single-item query answers null for an unknown id (REST answers 404). */
export async function nullIfNotFound<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
