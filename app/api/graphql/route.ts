import { GraphQLError } from "graphql";
import { createYoga } from "graphql-yoga";
import { authenticate } from "@/lib/auth/authenticate";
import { env } from "@/lib/env";
import { HttpError, ValidationError } from "@/lib/errors";
import { refuseCrossSiteBodies } from "@/lib/graphql/csrf";
import { documentLimitsPlugin, requestBodyLimit } from "@/lib/graphql/limits";
import { schema, type GraphQLContext } from "@/lib/graphql/schema";
import { route } from "@/lib/http/route";
import { componentLogger } from "@/lib/observability/logger";

const log = componentLogger("graphql");

export const dynamic = "force-dynamic";

const STATUS_CODES: Record<number, string> = {
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  422: "BAD_USER_INPUT",
  429: "TOO_MANY_REQUESTS",
};

/** By shape, as above: yoga and graphql may each carry their own GraphQLError class. */
function isRequestError(error: unknown): error is Error {
  return error instanceof Error && error.name === "GraphQLError" && "path" in error && error.path === undefined;
}

const yoga = createYoga<{ principal: GraphQLContext["principal"] }>({
  schema,
  graphqlEndpoint: "/api/graphql",
  graphiql: env().NODE_ENV !== "production",
  landingPage: false,
  fetchAPI: { Response },
  plugins: [refuseCrossSiteBodies, documentLimitsPlugin()],
  // File uploads are not part of this API, and a multipart body is what a cross-site form sends.
  multipart: false,
  maxRequestBodySize: requestBodyLimit(),
  // Rule errors keep their meaning (code, status, detail); anything unexpected stays masked.
  maskedErrors: {
    maskError(error, message) {
      // Unwrap by shape: yoga and graphql may each carry their own GraphQLError class.
      let original: unknown = error;
      while (original instanceof Error && "originalError" in original && original.originalError instanceof Error) {
        original = original.originalError;
      }
      if (original instanceof HttpError) {
        const detail = original instanceof ValidationError ? original.fields : original.detail;
        return new GraphQLError(typeof detail === "string" ? detail : "Invalid input.", {
          extensions: { code: STATUS_CODES[original.status] ?? "ERROR", status: original.status, detail, ...original.extra },
        });
      }
      // No path: the request itself is malformed (syntax, validation, variable coercion) and graphql-js says how.
      if (isRequestError(error)) return error;
      log.error({ err: original }, "unexpected error");
      return new GraphQLError(message);
    },
  },
});

/** The GraphiQL page itself (development only); every operation still needs a signed-in caller. */
function wantsGraphiQL(request: Request): boolean {
  return (
    env().NODE_ENV !== "production" &&
    request.method === "GET" &&
    !new URL(request.url).searchParams.has("query") &&
    (request.headers.get("accept") ?? "").includes("text/html")
  );
}

/** Bearer token or browser session, exactly as the REST routes; anonymous requests get a 401 and nothing else. */
const handle = route(async (request) => {
  if (wantsGraphiQL(request)) return yoga.fetch(request, {} as { principal: GraphQLContext["principal"] });
  const principal = await authenticate(request);
  return yoga.fetch(request, { principal });
});

export { handle as GET, handle as POST };
