import { getIntrospectionQuery } from "graphql";
import { afterEach, describe, expect, it } from "vitest";
import { GET as graphqlGet, POST as graphql } from "@/app/api/graphql/route";
import { call, type CallOptions } from "../support/http";
import { createUser, type TestUser } from "../support/identity";
import { offeredSpot, parkingSnapshot } from "../support/parking";
import { countStatements } from "../support/query-count";

interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string; limit?: number; actual?: number } }>;
}

function gql(user: TestUser, query: string, variables: Record<string, unknown> = {}) {
  return call<GraphQLResponse>(graphql, { path: "/api/graphql", json: { query, variables }, token: user.token });
}

const repeat = (count: number, make: (index: number) => string) => Array.from({ length: count }, (_, index) => make(index)).join(" ");

/** The issue's document: 20 aliases of `me`, each spreading a fragment of 100 aliased `reservations` lists. */
const FRAGMENT_SPREAD_ATTACK = `{ ${repeat(20, (index) => `m${index}: me { ...F }`)} } fragment F on Me { ${repeat(100, (index) => `r${index}: reservations { id }`)} }`;

describe("GraphQL document limits", () => {
  let restore: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await restore?.();
    restore = undefined;
  });

  it("counts a fragment once per spread and refuses the fragment-spread attack before any resolver runs", async () => {
    const user = await createUser("CUSTOMER");
    const counter = countStatements();
    restore = counter.restore;
    const baseline = async (query: string) => {
      const before = counter.count();
      const response = await gql(user, query);
      return { response, statements: counter.count() - before };
    };
    await baseline("{ __typename }"); // connection setup happens once
    const authenticationOnly = await baseline("{ __typename }");
    const oneCall = await baseline("{ me { credits } }");
    expect(oneCall.statements).toBeGreaterThan(authenticationOnly.statements);

    const attack = await baseline(FRAGMENT_SPREAD_ATTACK);
    expect(attack.response.status).toBe(400);
    expect(attack.response.body.data ?? null).toBeNull();
    expect(attack.response.body.errors).toHaveLength(1);
    expect(attack.response.body.errors?.[0]?.message).toMatch(/^Query cost 22020 exceeds the limit of 1000/);
    expect(attack.response.body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COSTLY", limit: 1000, actual: 22020 });
    expect(attack.statements).toBe(authenticationOnly.statements);
  });

  it("measures fragments that spread fragments without walking every expansion", async () => {
    const user = await createUser("CUSTOMER");
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, index) =>
      index === levels - 1 ? `fragment F${index} on Me { id }` : `fragment F${index} on Me { ...F${index + 1} ...F${index + 1} }`,
    ).join(" ");
    const response = await gql(user, `{ me { ...F0 } } ${fragments}`);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors?.[0]?.message).toMatch(/^Query cost \d+ exceeds the limit of 1000/);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COSTLY", actual: 1 + 2 ** (levels - 1) });
  });

  it("weighs aliases and list fields: a literal limit counts as that many items", async () => {
    const user = await createUser("CUSTOMER");
    const aliases = await gql(user, `{ me { ${repeat(100, (index) => `r${index}: reservations { id }`)} } }`);
    expect(aliases.body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COSTLY", actual: 1 + 100 * (1 + 10) });
    const fewerAliases = await gql(user, `{ me { ${repeat(20, (index) => `r${index}: reservations { id }`)} } }`);
    expect(fewerAliases.body.errors).toBeUndefined();
    const wide = "id label zone kind availableNow createdAt description owner { id name }";
    const big = await gql(user, `{ spots(filter: { limit: 200 }) { ${wide} } }`);
    expect(big.body.errors?.[0]?.message).toMatch(/^Query cost 2001 exceeds the limit of 1000/);
    const small = await gql(user, `{ spots(filter: { limit: 20 }) { ${wide} } }`);
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data?.spots).toEqual(expect.any(Array));
  });

  it("refuses a too-deep query, naming the depth and the limit", async () => {
    const user = await createUser("CUSTOMER");
    const ofTypes = (levels: number): string => (levels === 0 ? "name" : `name ofType { ${ofTypes(levels - 1)} }`);
    const deep = await gql(user, `{ __type(name: "Spot") { ${ofTypes(15)} } }`);
    expect(deep.status).toBe(400);
    expect(deep.body.data ?? null).toBeNull();
    expect(deep.body.errors?.[0]?.message).toBe("Query depth 17 exceeds the limit of 15.");
    expect(deep.body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_DEEP", limit: 15, actual: 17 });
    const fine = await gql(user, `{ __type(name: "Spot") { ${ofTypes(13)} } }`);
    expect(fine.body.errors).toBeUndefined();
  });

  it("refuses nested introspection lists that multiply the schema, and answers the standard introspection query", async () => {
    const user = await createUser("CUSTOMER");
    const nested = await gql(user, "{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }");
    expect(nested.body.data ?? null).toBeNull();
    expect(nested.body.errors?.[0]?.message).toMatch(/^Introspection cost \d+ exceeds the limit of 2000000\.$/);
    expect(nested.body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COSTLY");
    for (const query of [
      getIntrospectionQuery(),
      getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true }),
    ]) {
      const introspection = await gql(user, query);
      expect(introspection.body.errors).toBeUndefined();
      expect(introspection.body.data?.__schema).toMatchObject({ queryType: { name: "Query" } });
    }
  });

  it("stops parsing at the token limit", async () => {
    const user = await createUser("CUSTOMER");
    const directives = repeat(400, () => "@include(if: true)");
    const tokens = await gql(user, `{ me { id ${directives} } }`);
    expect(tokens.status).toBe(400);
    expect(tokens.body.data ?? null).toBeNull();
    expect(tokens.body.errors?.[0]?.message).toBe("Document has more than 2000 tokens, the limit.");
    expect(tokens.body.errors?.[0]?.extensions).toMatchObject({ code: "TOO_MANY_TOKENS", limit: 2000 });
  });

  it("refuses a document over the byte limit before parsing it, in a POST body and in a GET query string", async () => {
    const user = await createUser("CUSTOMER");
    const padded = `{ me { id } } # ${"x".repeat(40_000)}`;
    const bytes = Buffer.byteLength(padded);
    const viaPost = await gql(user, padded);
    expect(viaPost.status).toBe(400);
    expect(viaPost.body.data ?? null).toBeNull();
    expect(viaPost.body.errors?.[0]?.message).toBe(`Document size ${bytes} bytes exceeds the limit of 32768 bytes.`);
    expect(viaPost.body.errors?.[0]?.extensions).toMatchObject({ code: "DOCUMENT_TOO_LARGE", limit: 32768, actual: bytes });
    const viaGet = await call<GraphQLResponse>(graphqlGet, { path: `/api/graphql?query=${encodeURIComponent(padded)}`, token: user.token });
    expect(viaGet.body.errors?.[0]?.extensions?.code).toBe("DOCUMENT_TOO_LARGE");
    const huge = await call<GraphQLResponse>(graphql, { path: "/api/graphql", rawBody: JSON.stringify({ query: "x".repeat(200_000) }), token: user.token });
    expect(huge.status).toBe(413);
  });

  it("runs no mutation of an over-limit document", async () => {
    const owner = await createUser("CUSTOMER");
    const before = await parkingSnapshot();
    const mutations = repeat(80, (index) => `s${index}: createSpot(input: { label: "Flood ${index}", zone: "Z" }) { id availability { startsAt } }`);
    const response = await gql(owner, `mutation { ${mutations} }`);
    expect(response.body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COSTLY");
    expect(response.body.data ?? null).toBeNull();
    expect(await parkingSnapshot()).toEqual(before);
  });
});

describe("GraphQL CSRF prevention", () => {
  const createSpotMutation = `mutation { createSpot(input: { label: "CSRF", zone: "Cross-site" }) { id } }`;

  async function attempt(user: TestUser, options: CallOptions) {
    return call<GraphQLResponse>(options.method === "GET" ? graphqlGet : graphql, { path: "/api/graphql", token: user.token, ...options });
  }

  it("refuses form, multipart, plain-text and untyped POST bodies, changing nothing", async () => {
    const owner = await createUser("CUSTOMER");
    await offeredSpot(owner);
    const before = await parkingSnapshot();
    const multipart = new FormData();
    multipart.set("operations", JSON.stringify({ query: createSpotMutation }));
    const multipartRequest = new Request("http://localhost/api/graphql", { method: "POST", body: multipart });
    const cases: CallOptions[] = [
      { form: { query: createSpotMutation } },
      { rawBody: await multipartRequest.text(), headers: { "content-type": multipartRequest.headers.get("content-type")! } },
      { rawBody: JSON.stringify({ query: createSpotMutation }), headers: { "content-type": "text/plain" } },
      { rawBody: JSON.stringify({ query: createSpotMutation }), headers: { "content-type": "text/plain;charset=UTF-8" } },
    ];
    for (const options of cases) {
      const response = await attempt(owner, options);
      expect(response.status, JSON.stringify(options.headers ?? "form")).toBe(415);
      expect(response.body.errors?.[0]?.extensions?.code).toBe("UNSUPPORTED_MEDIA_TYPE");
      expect(response.body.errors?.[0]?.message).toContain("application/json");
    }
    expect(await parkingSnapshot()).toEqual(before);
  });

  it("refuses a POST with no content type at all", async () => {
    const owner = await createUser("CUSTOMER");
    const before = await parkingSnapshot();
    const request = new Request("http://localhost/api/graphql", {
      method: "POST",
      headers: { authorization: `Bearer ${owner.token}` },
      body: new Blob([JSON.stringify({ query: createSpotMutation })]),
    });
    expect(request.headers.get("content-type")).toBeNull();
    const response = await graphql(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(415);
    expect(await parkingSnapshot()).toEqual(before);
  });

  it("refuses mutations over GET, and still answers queries over GET and JSON POSTs", async () => {
    const owner = await createUser("CUSTOMER");
    const before = await parkingSnapshot();
    const viaGet = await attempt(owner, { method: "GET", path: `/api/graphql?query=${encodeURIComponent(createSpotMutation)}` });
    expect(viaGet.status).toBe(405);
    expect(await parkingSnapshot()).toEqual(before);
    const query = await attempt(owner, { method: "GET", path: `/api/graphql?query=${encodeURIComponent("{ me { id } }")}` });
    expect(query.body).toEqual({ data: { me: { id: owner.id } } });
    const json = await attempt(owner, { json: { query: createSpotMutation } });
    expect(json.body.errors).toBeUndefined();
    const graphqlJson = await attempt(owner, { rawBody: JSON.stringify({ query: "{ me { id } }" }), headers: { "content-type": "application/graphql+json" } });
    expect(graphqlJson.body).toEqual({ data: { me: { id: owner.id } } });
  });
});
