import { GET as metricsRoute } from "@/app/api/metrics/route";
import { env } from "@/lib/env";
import { call } from "./http";

/** One scrape of GET /api/metrics with the configured token; throws unless it answers 200. */
export async function scrape(): Promise<string> {
  const response = await call<string>(metricsRoute, { path: "/api/metrics", token: env().metricsToken });
  if (response.status !== 200) throw new Error(`scrape: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A sample's value from the Prometheus text format: `name{labels}` with exactly these labels (in any order). */
export function sample(exposition: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels)
    .map(([label, value]) => `${label}="${value}"`)
    .sort()
    .join(",");
  for (const line of exposition.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? "").match(/\w+="(?:[^"\\]|\\.)*"/g)?.sort().join(",") ?? "";
    if (present === wanted) return Number(match[3]);
  }
  return undefined;
}
