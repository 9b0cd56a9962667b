import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUILD_OUTPUTS, computeBuildFingerprint, FINGERPRINT_FILE, isBuildStale } from "@/lib/platform/build-fingerprint";

function project() {
  const root = mkdtempSync(path.join(tmpdir(), "wheelhouse-build-"));
  mkdirSync(path.join(root, "app"), { recursive: true });
  mkdirSync(path.join(root, "lib", "generated"), { recursive: true });
  writeFileSync(path.join(root, "app", "page.tsx"), "export default function Page() { return null }");
  writeFileSync(path.join(root, "lib", "generated", "client.ts"), "generated");
  writeFileSync(path.join(root, "package-lock.json"), "{}");
  return root;
}

function markBuilt(root: string) {
  mkdirSync(path.join(root, ".next"), { recursive: true });
  writeFileSync(path.join(root, ".next", "BUILD_ID"), "build");
  for (const output of Object.values(BUILD_OUTPUTS)) {
    mkdirSync(path.dirname(path.join(root, output)), { recursive: true });
    writeFileSync(path.join(root, output), "compiled");
  }
  writeFileSync(path.join(root, ".next", FINGERPRINT_FILE), computeBuildFingerprint(root));
}

describe("build staleness", () => {
  it("is stale when there is no build", () => {
    expect(isBuildStale(project())).toBe(true);
  });

  it("is fresh right after a build and stale once a source file changes", () => {
    const root = project();
    markBuilt(root);
    expect(isBuildStale(root)).toBe(false);
    writeFileSync(path.join(root, "app", "page.tsx"), "export default function Page() { return 'changed' }");
    expect(isBuildStale(root)).toBe(true);
  });

  it("is stale when a compiled process (standalone server, worker or channel server bundle) is missing", () => {
    const root = project();
    markBuilt(root);
    rmSync(path.join(root, BUILD_OUTPUTS.worker));
    expect(isBuildStale(root)).toBe(true);
  });

  it("covers the worker and channel server sources and the migrations", () => {
    const root = project();
    for (const file of ["worker/main.ts", "realtime/server.ts", "prisma/migrations/1_init/migration.sql"]) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), "one");
      markBuilt(root);
      writeFileSync(path.join(root, file), "two");
      expect(isBuildStale(root)).toBe(true);
    }
  });

  it("notices added files and dependency changes, not the generated client", () => {
    const root = project();
    markBuilt(root);
    writeFileSync(path.join(root, "lib", "generated", "client.ts"), "regenerated");
    expect(isBuildStale(root)).toBe(false);
    writeFileSync(path.join(root, "app", "new-page.tsx"), "new");
    expect(isBuildStale(root)).toBe(true);
    markBuilt(root);
    writeFileSync(path.join(root, "package-lock.json"), '{"changed":true}');
    expect(isBuildStale(root)).toBe(true);
  });
});
