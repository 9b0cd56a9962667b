import { isServer, QueryClient } from "@tanstack/react-query";

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Live events invalidate what changed, so data may stay fresh for a while.
        staleTime: 30_000,
        retry: 1,
      },
    },
  });
}

let browserClient: { owner: string; client: QueryClient } | undefined;

/**
 * The tab's one QueryClient (a new one per server render). It survives switching
 * between the signed-in and admin layouts; another user in the same tab starts empty.
 */
export function getQueryClient(owner: string): QueryClient {
  if (isServer) return makeQueryClient();
  if (!browserClient || browserClient.owner !== owner) {
    browserClient?.client.clear();
    browserClient = { owner, client: makeQueryClient() };
  }
  return browserClient.client;
}
