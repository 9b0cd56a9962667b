import autocannon from "autocannon";
import { sessionCookie, startApp } from "./app";

const TOKEN = "probe-metrics-token-0123456789abcdef0123456789";
const app = await startApp("rssprobe", { METRICS_TOKEN: TOKEN });
const base = app.baseUrl;
try {
  const cookie = await sessionCookie(base, "resident@wheelhouse.local", "wheelhouse-demo");
  const login = await fetch(`${base}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "username=resident%40wheelhouse.local&password=wheelhouse-demo" });
  const { access_token: token } = (await login.json()) as { access_token: string };
  const metrics = async () => {
    const text = await (await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    const pick = (name: string, label = "") => {
      const line = text.split("\n").find((l) => l.startsWith(name) && l.includes(label));
      return line ? (Number(line.split(" ").at(-1)) / 1048576).toFixed(0) : "?";
    };
    return `rss ${pick("process_resident_memory_bytes")} heapUsed ${pick("nodejs_heap_size_used_bytes")} heapTotal ${pick("nodejs_heap_size_total_bytes")} external ${pick("nodejs_external_memory_bytes")} old ${pick("nodejs_heap_space_size_used_bytes", 'space="old"')} code ${pick("nodejs_heap_space_size_used_bytes", 'space="code"')} large ${pick("nodejs_heap_space_size_used_bytes", 'space="large_object"')}`;
  };
  console.log("start", await metrics());
  for (let round = 1; round <= Number(process.env.ROUNDS ?? 6); round++) {
    const result = await autocannon({
      url: base,
      connections: 8,
      duration: 20,
      requests: [
        { method: "GET", path: "/api/v1/users/me", headers: { authorization: `Bearer ${token}` } },
        { method: "GET", path: "/api/v1/spots", headers: { authorization: `Bearer ${token}` } },
        { method: "POST", path: "/api/graphql", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ query: "{ spots { id label zone owner { name } } }" }) },
        { method: "GET", path: process.env.PAGE ?? "/dashboard", headers: { cookie } },
      ],
    });
    console.log(`round ${round} ${result.requests.average.toFixed(0)} req/s`, await metrics());
  }
} finally {
  await app.stop();
}
