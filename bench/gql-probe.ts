import autocannon from "autocannon";
import { startApp } from "./app";

const app = await startApp("gqlprobe", {});
const base = app.baseUrl;
try {
  const login = await fetch(`${base}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "username=resident%40wheelhouse.local&password=wheelhouse-demo" });
  const { access_token: token } = (await login.json()) as { access_token: string };
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  for (const [name, request] of [
    ["health", { method: "GET" as const, path: "/api/health" }],
    ["spots", { method: "GET" as const, path: "/api/v1/spots", headers }],
    ["graphql", { method: "POST" as const, path: "/api/graphql", headers, body: JSON.stringify({ query: "{ spots { id label zone owner { name } } }" }) }],
  ] as const) {
    const result = await autocannon({ url: base, connections: 16, duration: Number(process.env.SECONDS ?? 10), requests: [request] });
    console.log(name, result.requests.average.toFixed(0), "req/s", "non2xx", result.non2xx);
  }
} finally {
  await app.stop();
}
