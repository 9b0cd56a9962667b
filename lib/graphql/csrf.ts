import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

/**
 * Media types a GraphQL POST may carry. Browsers send a cross-site form or a
 * no-cors `fetch` only as `application/x-www-form-urlencoded`, `multipart/form-data`,
 * `text/plain` or with no type at all, without asking the server first; these
 * types need a CORS preflight, which a foreign origin does not pass.
 */
const GRAPHQL_POST_MEDIA_TYPES = new Set(["application/json", "application/graphql+json", "application/graphql"]);

function mediaType(request: Request): string {
  return (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * GraphQL CSRF prevention: a POST must be JSON, so a page on another site
 * cannot make a signed-in browser run a mutation. Mutations over GET are
 * refused by yoga itself (405). Runs before the body is read.
 */
export const refuseCrossSiteBodies: Plugin = {
  onRequestParse({ request }) {
    if (request.method !== "POST") return;
    const type = mediaType(request);
    if (GRAPHQL_POST_MEDIA_TYPES.has(type)) return;
    throw new GraphQLError(
      `A GraphQL POST must be sent as application/json${type ? `, not ${type}` : ""}: form and plain-text bodies are refused so that other sites cannot run operations.`,
      { extensions: { code: "UNSUPPORTED_MEDIA_TYPE", http: { status: 415 } } },
    );
  },
};
