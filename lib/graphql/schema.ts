import SchemaBuilder from "@pothos/core";
import { modules } from "../modules/registry";
import type { GraphQLContext, Me } from "./builder";

export type { GraphQLContext } from "./builder";

/** The one GraphQL schema: the caller (`me`), then every module's part (its `graphql`: queries, mutations, subscriptions). */
function buildSchema() {
  const builder = new SchemaBuilder<{ Context: GraphQLContext }>({});
  const Person = builder.objectRef<{ id: string; name: string }>("Person").implement({
    fields: (t) => ({ id: t.exposeID("id"), name: t.exposeString("name") }),
  });
  const MeRef = builder.objectRef<Me>("Me").implement({
    fields: (t) => ({
      id: t.id({ resolve: (me) => me.principal.userId }),
      name: t.string({ resolve: (me) => me.principal.name }),
      role: t.string({ resolve: (me) => me.principal.role }),
    }),
  });
  builder.queryType({
    fields: (t) => ({ me: t.field({ type: MeRef, resolve: (_root, _args, context) => ({ principal: context.principal }) }) }),
  });
  builder.mutationType({});
  builder.subscriptionType({});
  for (const businessModule of modules()) businessModule.graphql?.({ builder, Me: MeRef, Person });
  return builder.toSchema();
}

export const schema = buildSchema();
