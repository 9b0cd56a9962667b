/**
 * `npm run bench:login` — does a burst of logins slow everything else down?
 *
 * Against a running app (BENCH_URL, default http://127.0.0.1:3102), measured in one run:
 *  1. `/api/health` latency at rest (BENCH_REST_SAMPLES sequential requests);
 *  2. `/api/health` latency while BENCH_LOGINS (50) logins run concurrently — a third with
 *     the right password, a third with a wrong one, a third for unknown users — repeated
 *     BENCH_ROUNDS (3) times.
 * Prints p50 / p99 of both, their ratio, and the logins' outcomes. Asserts nothing.
 *
 * Accounts are registered first, each login and sign-up from its own X-Forwarded-For address
 * so the per-address limits are not what is measured (the app trusts that header when
 * TRUSTED_PROXY_HOPS is 0, the default). See bench/README.md.
 */
import { randomInt } from "node:crypto";
import { performance } from "node:perf_hooks";

const BASE_URL = (process.env.BENCH_URL ?? "http://127.0.0.1:3102").replace(/\/$/, "");
const LOGINS = Number(process.env.BENCH_LOGINS ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const REST_SAMPLES = Number(process.env.BENCH_REST_SAMPLES ?? 200);
const PASSWORD = "bench-password-123";

const address = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timedHealth(): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${BASE_URL}/api/health`, { cache: "no-store" });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`/api/health answered ${response.status}`);
  return performance.now() - started;
}

async function register(index: number): Promise<string> {
  const email = `bench-${Date.now().toString(36)}-${index}-${randomInt(1e6)}@example.test`;
  const response = await fetch(`${BASE_URL}/api/v1/customers/`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address() },
    body: JSON.stringify({ name: `Bench ${index}`, email, phone: `+1${randomInt(10 ** 9, 10 ** 10)}`, password: PASSWORD }),
  });
  if (response.status !== 201) throw new Error(`registration answered ${response.status}: ${await response.text()}`);
  return email;
}

async function login(username: string, password: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address() },
    body: new URLSearchParams({ username, password }).toString(),
  });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

await timedHealth().catch((error: unknown) => {
  console.error(`No app at ${BASE_URL} (${String(error)}). Start one first, see bench/README.md.`);
  process.exit(1);
});

const accountsNeeded = Math.ceil((LOGINS * 2) / 3);
console.log(`app: ${BASE_URL}; registering ${accountsNeeded} accounts…`);
const accounts: string[] = [];
for (let start = 0; start < accountsNeeded; start += 4) {
  const batch = Array.from({ length: Math.min(4, accountsNeeded - start) }, (_, offset) => register(start + offset));
  accounts.push(...(await Promise.all(batch)));
}

for (let warmup = 0; warmup < 20; warmup++) await timedHealth();
const atRest: number[] = [];
for (let sample = 0; sample < REST_SAMPLES; sample++) atRest.push(await timedHealth());

const underLoad: number[] = [];
const outcomes = new Map<number, number>();
const loginTimes: number[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  const burst = Array.from({ length: LOGINS }, (_, index) => {
    const kind = index % 3;
    if (kind === 2) return login(`nobody-${round}-${index}-${randomInt(1e9)}@example.test`, PASSWORD);
    const account = accounts[Math.floor(index / 3) * 2 + kind] ?? accounts[0]!;
    return login(account, kind === 0 ? PASSWORD : `wrong-${round}-${index}`);
  });
  let done = false;
  const all = Promise.all(burst).then((results) => {
    done = true;
    return results;
  });
  while (!done) {
    underLoad.push(await timedHealth());
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  for (const { status, ms } of await all) {
    outcomes.set(status, (outcomes.get(status) ?? 0) + 1);
    loginTimes.push(ms);
  }
}

const format = (ms: number) => `${ms.toFixed(1)} ms`;
const restP50 = percentile(atRest, 50);
const restP99 = percentile(atRest, 99);
const loadP50 = percentile(underLoad, 50);
const loadP99 = percentile(underLoad, 99);
console.log(`/api/health at rest        (${atRest.length} samples): p50 ${format(restP50)}, p99 ${format(restP99)}`);
console.log(`/api/health during logins  (${underLoad.length} samples): p50 ${format(loadP50)}, p99 ${format(loadP99)}, max ${format(Math.max(...underLoad))}`);
console.log(`ratio under load / at rest: p50 ×${(loadP50 / restP50).toFixed(1)}, p99 ×${(loadP99 / restP99).toFixed(1)}`);
console.log(`${ROUNDS} bursts of ${LOGINS} concurrent logins: p50 ${format(percentile(loginTimes, 50))}, max ${format(Math.max(...loginTimes))}`);
console.log(
  `login answers: ${[...outcomes.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status} × ${count}`)
    .join(", ")}`,
);
