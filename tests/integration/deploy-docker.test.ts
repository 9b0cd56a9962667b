/**
 * The Dockerfile and deploy/docker-compose.yml, checked structurally (no Docker engine or hadolint here):
 * the image builds in stages, runs as a non-root user, carries no dev dependencies, probes itself with node, and
 * has one entry point per role; compose starts migrate first and everything else only after it succeeded.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.resolve(import.meta.dirname, "..", "..");

interface Instruction {
  keyword: string;
  args: string;
}

/** Dockerfile instructions with continuation lines joined and comments dropped. */
function dockerfileInstructions(text: string): Instruction[] {
  const logical = text
    .split("\n")
    .filter((line) => !/^\s*#/.test(line))
    .join("\n")
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return logical.map((line) => {
    const [keyword, ...rest] = line.split(/\s+/);
    return { keyword: keyword!.toUpperCase(), args: rest.join(" ") };
  });
}

function stages(instructions: Instruction[]): Array<{ name: string; instructions: Instruction[] }> {
  const result: Array<{ name: string; instructions: Instruction[] }> = [];
  for (const instruction of instructions) {
    if (instruction.keyword === "FROM") result.push({ name: /\bAS\s+(\S+)/i.exec(instruction.args)?.[1] ?? "", instructions: [] });
    else result.at(-1)?.instructions.push(instruction);
  }
  return result;
}

describe("Dockerfile", () => {
  const instructions = dockerfileInstructions(readFileSync(path.join(root, "Dockerfile"), "utf8"));
  const all = stages(instructions);
  const final = all.at(-1)!;
  const finalOf = (keyword: string) => final.instructions.filter((instruction) => instruction.keyword === keyword);

  it("builds in stages (deps → build → runtime) from a pinned Node 20 base", () => {
    expect(all.map((stage) => stage.name)).toEqual(["deps", "build", "prod-deps", "runtime"]);
    expect(instructions.find((instruction) => instruction.keyword === "ARG")?.args).toMatch(/^NODE_IMAGE=node:20-[a-z]+-slim$/);
  });

  it("installs with npm install (the lock cannot satisfy npm ci here) and keeps dev dependencies out of the runtime", () => {
    const installs = instructions.filter((instruction) => instruction.keyword === "RUN" && instruction.args.includes("npm install"));
    expect(installs.length).toBe(2);
    expect(instructions.some((instruction) => /npm ci\b/.test(instruction.args))).toBe(false);
    const prodDeps = all.find((stage) => stage.name === "prod-deps")!;
    expect(prodDeps.instructions.find((instruction) => instruction.keyword === "RUN")?.args).toContain("--omit=dev");
    // The runtime takes node_modules only from prod-deps, the rest from the build's compiled outputs.
    const copies = finalOf("COPY").map((instruction) => instruction.args);
    expect(copies.filter((args) => args.includes("node_modules"))).toEqual(["--from=prod-deps /app/node_modules ./node_modules"]);
    expect(copies).toContain("--from=build /app/.next/standalone ./");
    expect(copies).toContain("--from=build /app/.next/processes ./.next/processes");
    expect(finalOf("RUN").some((instruction) => instruction.args.includes("npm install"))).toBe(false);
  });

  it("runs as a non-root user with a node HEALTHCHECK and one entry point for the four roles", () => {
    const users = finalOf("USER");
    expect(users.at(-1)?.args).toBe("node");
    const healthcheck = finalOf("HEALTHCHECK")[0]?.args ?? "";
    expect(healthcheck).toMatch(/CMD \["node", "-e", .*\/api\/health/);
    expect(healthcheck).not.toMatch(/curl|wget/);
    expect(finalOf("ENTRYPOINT")[0]?.args).toBe('["wheelhouse"]');
    expect(finalOf("CMD")[0]?.args).toBe('["web"]');
    const entrypoint = readFileSync(path.join(root, "deploy", "entrypoint.sh"), "utf8");
    for (const role of ["web", "worker", "realtime", "migrate"]) expect(entrypoint).toMatch(new RegExp(`^\\s+${role}\\)`, "m"));
    expect(entrypoint).toContain("exec node server.js");
    expect(entrypoint).toContain("migrate deploy");
  });

  it("ignores local state and dependencies in the build context", () => {
    const ignored = readFileSync(path.join(root, ".dockerignore"), "utf8").split("\n");
    for (const entry of ["node_modules", ".next", ".data", ".env", ".git", "lib/generated"]) expect(ignored).toContain(entry);
  });
});

describe("deploy/docker-compose.yml", () => {
  type ComposeService = {
    image?: string;
    build?: unknown;
    command?: string[];
    depends_on?: Record<string, { condition: string }>;
    healthcheck?: { test?: string[]; disable?: boolean };
    environment?: Record<string, string>;
    deploy?: { replicas?: number };
    volumes?: string[];
  };
  const compose = parse(readFileSync(path.join(root, "deploy", "docker-compose.yml"), "utf8"), { merge: true }) as {
    services: Record<string, ComposeService>;
  };
  const services = compose.services;

  it("runs PostgreSQL, Redis, migrate, two web replicas, worker, realtime and a proxy", () => {
    expect(Object.keys(services).sort()).toEqual(["migrate", "postgres", "proxy", "realtime", "redis", "web", "worker"]);
    expect(services.web!.deploy?.replicas).toBe(2);
    for (const role of ["migrate", "web", "worker", "realtime"]) expect(services[role]!.command).toEqual([role]);
    expect(services.web!.environment?.SCHEDULER_ENABLED).toBe("false");
  });

  it("starts the app only after migrate completed, and every dependency it waits on has a health check", () => {
    for (const name of ["web", "worker", "realtime"]) {
      expect(services[name]!.depends_on?.migrate?.condition, name).toBe("service_completed_successfully");
    }
    for (const [name, service] of Object.entries(services)) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(services[dependency], `${name} → ${dependency}`).toBeDefined();
        if (condition === "service_healthy") expect(services[dependency]!.healthcheck?.test, `${dependency} health check`).toBeDefined();
      }
    }
    for (const name of ["web", "worker", "realtime"]) {
      const test = services[name]!.healthcheck?.test?.join(" ") ?? "";
      expect(test, name).toMatch(/^CMD node -e .*fetch\('http:\/\/127\.0\.0\.1:\d+\/(api\/ready|health)'/);
    }
  });

  it("proxies / to web and the channel servers' /app/ path with WebSocket upgrades", () => {
    const nginx = readFileSync(path.join(root, "deploy", "nginx.conf"), "utf8");
    expect(services.proxy!.volumes).toContain("./nginx.conf:/etc/nginx/conf.d/default.conf:ro");
    const realtimeBlock = /location \/app\/ \{([\s\S]*?)\n  \}/.exec(nginx)?.[1] ?? "";
    expect(realtimeBlock).toContain("http://realtime:6001");
    expect(realtimeBlock).toContain("proxy_set_header Upgrade $http_upgrade");
    expect(realtimeBlock).toContain("proxy_set_header Connection $connection_upgrade");
    expect(/location \/ \{([\s\S]*?)\n  \}/.exec(nginx)?.[1]).toContain("http://web:3000");
  });
});
