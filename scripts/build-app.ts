/**
 * The production build, shared by the launcher (`npm run build`, and `npm start` when the build is stale) and the
 * test that runs the processes separately (tests/integration/processes.test.ts):
 *
 *  1. `prisma generate` (lib/generated)
 *  2. `next build` with `output: "standalone"`; the client chunks pages start with get V8's compile hint
 *     (lib/platform/compile-hints.ts); then public/ and .next/static are copied next to its server.js
 *  3. esbuild bundles of the worker, the channel server and the seed (node_modules packages stay external)
 *  4. the fingerprint of the inputs, which `isBuildStale` compares on the next start
 */
import { cpSync, existsSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { BUILD_OUTPUTS, computeBuildFingerprint, FINGERPRINT_FILE } from "../lib/platform/build-fingerprint";
import { addCompileHints } from "../lib/platform/compile-hints";

/** Only ever seen by `next build` itself; tests/integration/processes.test.ts checks no build output contains it. */
export const BUILD_TIME_SECRET = "build-time-only-placeholder-secret-not-used-at-run-time";

/** Runs one build step (a command in the project root); rejects when it fails. */
export type StepRunner = (name: string, command: string, args: string[], env: NodeJS.ProcessEnv) => Promise<void>;

/** The compiled process entry points: source → bundle under .next/processes/. */
export const PROCESS_BUNDLES = [
  { entry: "worker/main.ts", outfile: BUILD_OUTPUTS.worker },
  { entry: "realtime/server.ts", outfile: BUILD_OUTPUTS.realtime },
  { entry: "prisma/seed.ts", outfile: BUILD_OUTPUTS.seed },
] as const;

/** Next's standalone server does not serve public/ and .next/static unless they are copied next to it. */
export function copyStandaloneAssets(root: string): void {
  const standalone = path.join(root, ".next", "standalone");
  for (const [from, to] of [
    ["public", "public"],
    [".next/static", ".next/static"],
  ] as const) {
    const target = path.join(standalone, to);
    rmSync(target, { recursive: true, force: true });
    if (existsSync(path.join(root, from))) cpSync(path.join(root, from), target, { recursive: true });
  }
}

/**
 * Bundles the worker, the channel server and the seed into single ES modules. Packages from node_modules stay imports
 * (Prisma's runtime loads its WebAssembly query compiler by path, and `pg`/`ioredis` need no bundling), so the
 * bundles run wherever the project's production node_modules are: the checkout, or /app in the image.
 */
export async function bundleProcesses(root: string): Promise<void> {
  for (const bundle of PROCESS_BUNDLES) {
    await build({
      absWorkingDir: root,
      entryPoints: [bundle.entry],
      outfile: bundle.outfile,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      sourcemap: "linked",
      tsconfig: "tsconfig.json",
      logLevel: "warning",
    });
  }
}

/** The whole production build; `run` executes the CLI steps (the launcher prefixes their output). */
export async function buildApp(root: string, env: NodeJS.ProcessEnv, run: StepRunner): Promise<void> {
  const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
  await run("build", bin("prisma"), ["generate"], env);
  // Route modules validate the configuration when `next build` loads them. A build (the image's, CI's) has no
  // secrets and needs none: nothing signed is prerendered, and every process reads its own at run time.
  const buildEnv: NodeJS.ProcessEnv = { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  if (!buildEnv.APP_SECRET && !buildEnv.EMBEDDED_DATABASE) buildEnv.APP_SECRET = BUILD_TIME_SECRET;
  await run("build", bin("next"), ["build"], buildEnv);
  addCompileHints(path.join(root, ".next"));
  copyStandaloneAssets(root);
  await bundleProcesses(root);
  writeFileSync(path.join(root, ".next", FINGERPRINT_FILE), computeBuildFingerprint(root));
}
