/**
 * `npm run bench:graphql` — does one GraphQL caller stall everybody else?
 *
 * Against a running app (BENCH_URL, default http://127.0.0.1:3000), signed in as
 * BENCH_USERNAME / BENCH_PASSWORD (the demo resident by default):
 *
 *  1. `/api/health` latency at rest: BENCH_HEALTH_SAMPLES sequential requests;
 *  2. the same while BENCH_ATTACKERS concurrent loops send the attack documents
 *     (the issue's fragment-spread document, a deep one, a 3.6 MB token flood and a
 *     token flood that fits the byte limit) for as long as the sampling lasts;
 *  3. for comparison, the same with the loops sending an ordinary small query
 *     (`{ me { id name } }`): what any BENCH_ATTACKERS busy clients cost;
 *  4. what the app answered to each attack document, and how long it took.
 *
 * Prints its figures; it asserts nothing.
 */
import { performance } from "node:perf_hooks";

const BASE_URL = (process.env.BENCH_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const USERNAME = process.env.BENCH_USERNAME ?? "resident@wheelhouse.local";
const PASSWORD = process.env.BENCH_PASSWORD ?? "wheelhouse-demo";
const HEALTH_SAMPLES = Number(process.env.BENCH_HEALTH_SAMPLES ?? 200);
const ATTACKERS = Number(process.env.BENCH_ATTACKERS ?? 8);
/** Only the attack documents whose name contains this text (e.g. "fragment"); all by default. */
const ONLY = process.env.BENCH_ONLY ?? "";

const repeat = (count: number, make: (index: number) => string) => Array.from({ length: count }, (_, index) => make(index)).join(" ");
const ofTypes = (levels: number): string => (levels === 0 ? "name" : `name ofType { ${ofTypes(levels - 1)} }`);

const ATTACKS: Array<{ name: string; query: string }> = [
  {
    name: "fragment spread (20 × me × 100 reservations)",
    query: `{ ${repeat(20, (index) => `m${index}: me { ...F }`)} } fragment F on Me { ${repeat(100, (index) => `r${index}: reservations { id }`)} }`,
  },
  { name: "deep (40 nested ofType)", query: `{ __type(name: "Spot") { ${ofTypes(40)} } }` },
  { name: "token flood, 3.6 MB of directives", query: `{ me { id ${"@include(if: true) ".repeat(200_000)} } }` },
  { name: "token flood within the byte limit", query: `{ me { id ${"@a ".repeat(10_000)} } }` },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function signIn(): Promise<string> {
  const response = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username: USERNAME, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in as ${USERNAME} failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function sendAttack(token: string, query: string): Promise<{ status: number; answer: string; ms: number }> {
  const started = performance.now();
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${BASE_URL}/api/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    text = await response.text();
  } catch (error) {
    // The server may answer 413 and close the connection while a large body is still being sent.
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    return { status: 0, answer: `connection closed by the server (${cause})`, ms: performance.now() - started };
  }
  const ms = performance.now() - started;
  let answer = text.slice(0, 160);
  try {
    const body = JSON.parse(text) as { errors?: Array<{ message: string; extensions?: { code?: string } }>; data?: unknown };
    answer = body.errors?.length ? `${body.errors[0]!.extensions?.code ?? "ERROR"}: ${body.errors[0]!.message}` : `data (${text.length} bytes)`;
  } catch {
    // not JSON: keep the start of the text
  }
  return { status: response.status, answer, ms };
}

async function sampleHealth(samples: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let index = 0; index < samples; index++) {
    const started = performance.now();
    const response = await fetch(`${BASE_URL}/api/health`);
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
  }
  return latencies.sort((a, b) => a - b);
}

const describe = (latencies: number[]) =>
  `p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`;

const token = await signIn();
console.log(`app ${BASE_URL}; signed in as ${USERNAME}; ${ATTACKERS} attackers; ${HEALTH_SAMPLES} health samples per phase${ONLY ? `; attacks: "${ONLY}"` : ""}`);

await sampleHealth(20); // warm-up
const atRest = await sampleHealth(HEALTH_SAMPLES);
console.log(`/api/health at rest:        ${describe(atRest)}`);

/** Health latency while `loops` concurrent clients send `documents` round-robin. */
async function healthUnderLoad(documents: string[]) {
  let running = true;
  let sent = 0;
  const latencies: number[] = [];
  const loops = Array.from({ length: ATTACKERS }, async (_, loop) => {
    for (let round = loop; running; round++) {
      const result = await sendAttack(token, documents[round % documents.length]!);
      sent += 1;
      latencies.push(result.ms);
    }
  });
  const started = performance.now();
  const health = await sampleHealth(HEALTH_SAMPLES);
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await Promise.all(loops);
  return { health, sent, seconds, latencies: latencies.sort((a, b) => a - b) };
}

const ordinary = await healthUnderLoad(["{ me { id name } }"]);
console.log(`/api/health, ordinary load: ${describe(ordinary.health)}`);
console.log(`  ordinary requests: ${ordinary.sent} in ${ordinary.seconds.toFixed(1)} s, each answered in ${describe(ordinary.latencies)}`);
const attack = await healthUnderLoad(ATTACKS.filter((entry) => entry.name.includes(ONLY)).map((entry) => entry.query));
console.log(`/api/health under attack:   ${describe(attack.health)}`);
console.log(`  attack requests: ${attack.sent} in ${attack.seconds.toFixed(1)} s, each answered in ${describe(attack.latencies)}`);

console.log("answers:");
for (const attack of ATTACKS.filter((entry) => entry.name.includes(ONLY))) {
  const result = await sendAttack(token, attack.query);
  console.log(`  ${attack.name} (${Buffer.byteLength(attack.query)} bytes): HTTP ${result.status} in ${result.ms.toFixed(1)} ms — ${result.answer}`);
}
