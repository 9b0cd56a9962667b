/**
 * .github/workflows, validated offline against the GitHub Actions workflow schema (@action-validator/core),
 * plus what this project needs from them: the CI steps and services, and the release order of the deploy.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.resolve(import.meta.dirname, "..", "..");
const read = (name: string) => readFileSync(path.join(root, ".github", "workflows", name), "utf8");

type Step = { name?: string; run?: string; uses?: string; env?: Record<string, string>; with?: Record<string, unknown> };
type Workflow = {
  on: Record<string, unknown>;
  jobs: Record<string, { services?: Record<string, { image: string }>; steps: Step[]; needs?: string | string[] }>;
};

describe("GitHub Actions workflows", () => {
  it.each(["ci.yml", "deploy.yml"])("%s validates against the workflow schema", (name) => {
    expect(validateWorkflow(read(name)).errors).toEqual([]);
  });

  it("CI runs on push and pull requests with PostgreSQL 15 and Redis, through every suite, and keeps the Playwright report", () => {
    const workflow = parse(read("ci.yml")) as Workflow;
    expect(Object.keys(workflow.on).sort()).toEqual(["pull_request", "push"]);
    const job = workflow.jobs.test!;
    expect(job.services?.postgres?.image).toBe("postgres:15");
    expect(job.services?.redis?.image).toMatch(/^redis:/);
    const runs = job.steps.map((step) => step.run ?? "");
    const order = [
      "npm install",
      "npm run lint",
      "npm run typecheck",
      "npm run test:unit",
      "npm run test:integration",
      "npm run test:integration",
      "npx playwright install --with-deps chromium",
      "npm run test:e2e",
    ];
    let cursor = -1;
    for (const command of order) {
      const index = runs.findIndex((run, position) => position > cursor && run.startsWith(command));
      expect(index, command).toBeGreaterThan(cursor);
      cursor = index;
    }
    expect(runs.some((run) => /npm ci\b/.test(run))).toBe(false);
    const onDatabase = job.steps.find((step) => step.env?.TEST_DATABASE_URL);
    expect(onDatabase?.run).toBe("npm run test:integration");
    expect(onDatabase?.env?.REDIS_URL).toMatch(/^redis:\/\//);
    const upload = job.steps.find((step) => step.uses?.startsWith("actions/upload-artifact"));
    expect(upload?.with?.path).toBe("playwright-report/");
  });

  it("deploy builds and pushes to GHCR on a v* tag or by hand, then migrates before rolling out the prod overlay", () => {
    const text = read("deploy.yml");
    const workflow = parse(text) as Workflow;
    expect(workflow.on).toMatchObject({ push: { tags: ["v*"] } });
    expect(workflow.on).toHaveProperty("workflow_dispatch");
    const image = workflow.jobs.image!;
    expect(image.steps.find((step) => step.uses?.startsWith("docker/login-action"))?.with?.registry).toBe("ghcr.io");
    expect(image.steps.find((step) => step.uses?.startsWith("docker/build-push-action"))?.with?.push).toBe(true);
    expect(workflow.jobs.deploy!.needs).toBe("image");
    const migrateJob = text.indexOf("kubectl apply -k overlays/prod -l 'app.kubernetes.io/component in (config,migrate)'");
    const waitForMigrations = text.indexOf("kubectl -n \"$NAMESPACE\" wait --for=condition=complete job/wheelhouse-migrate");
    const applyAll = text.indexOf("kubectl apply -k overlays/prod\n");
    const rollout = text.indexOf("rollout status");
    expect(migrateJob).toBeGreaterThan(0);
    expect(migrateJob < waitForMigrations && waitForMigrations < applyAll && applyAll < rollout).toBe(true);
    // Every secret the workflow reads is named in the README's deploy section.
    const readme = readFileSync(path.join(root, "deploy", "README.md"), "utf8");
    const secrets = new Set([...text.matchAll(/secrets\.([A-Z_]+)/g)].map((match) => match[1]!));
    secrets.delete("GITHUB_TOKEN");
    expect([...secrets].filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });
});
