import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Everything that changes what the build (scripts/build-app.ts) produces: the standalone web server, the worker and
 * channel server bundles. prisma/ covers the schema and the migrations /api/ready reads from the standalone copy.
 */
export const BUILD_INPUTS = {
  directories: ["app", "assets", "components", "lib", "public", "prisma", "realtime", "worker"],
  files: [
    "instrumentation.ts",
    "next.config.mjs",
    "tailwind.config.ts",
    "postcss.config.mjs",
    "tsconfig.json",
    "package-lock.json",
    "scripts/build-app.ts",
  ],
  /** Generated from prisma/schema.prisma, which is hashed instead. */
  skip: ["lib/generated"],
};

export const FINGERPRINT_FILE = ".wheelhouse-build-fingerprint";

/** What the processes run, relative to the project root (the image keeps the same layout under /app). */
export const BUILD_OUTPUTS = {
  web: ".next/standalone/server.js",
  worker: ".next/processes/worker.mjs",
  realtime: ".next/processes/realtime.mjs",
  /** The seed (reference data, demo data when DEMO_SEED) that the image's migrate role runs after the migrations. */
  seed: ".next/processes/seed.mjs",
} as const;

function listFiles(root: string, relativeDir: string, skip: string[], into: string[]): void {
  const absolute = path.join(root, relativeDir);
  if (!existsSync(absolute)) return;
  for (const entry of readdirSync(absolute, { withFileTypes: true })) {
    const relative = path.posix.join(relativeDir, entry.name);
    if (skip.includes(relative)) continue;
    if (entry.isDirectory()) listFiles(root, relative, skip, into);
    else if (entry.isFile()) into.push(relative);
  }
}

/** A content hash of the build inputs under `root`. */
export function computeBuildFingerprint(root: string): string {
  const files: string[] = [];
  for (const directory of BUILD_INPUTS.directories) listFiles(root, directory, BUILD_INPUTS.skip, files);
  for (const file of BUILD_INPUTS.files) if (existsSync(path.join(root, file))) files.push(file);
  files.sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(file).update("\0").update(readFileSync(path.join(root, file))).update("\0");
  }
  return hash.digest("hex");
}

/** True when there is no production build, a part of it is missing, or it was made from other inputs. */
export function isBuildStale(root: string, distDir = ".next"): boolean {
  const buildId = path.join(root, distDir, "BUILD_ID");
  const fingerprintFile = path.join(root, distDir, FINGERPRINT_FILE);
  if (!existsSync(buildId) || !statSync(buildId).isFile() || !existsSync(fingerprintFile)) return true;
  if (Object.values(BUILD_OUTPUTS).some((output) => !existsSync(path.join(root, output)))) return true;
  return readFileSync(fingerprintFile, "utf8").trim() !== computeBuildFingerprint(root);
}
