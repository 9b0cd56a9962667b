import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MODULES } from "@/lib/modules/registry";

/**
 * The registry is the only place outside a module's own folders that names it:
 * a platform file that names a module has started to depend on it.
 */

const root = path.resolve(import.meta.dirname, "..", "..");
const files = execFileSync("git", ["ls-files", "lib", "components", "app", "instrumentation.ts", "proxy.ts"], { cwd: root, encoding: "utf8" })
  .split("\n")
  .filter((file) => /\.(ts|tsx)$/.test(file) && !file.startsWith("lib/generated/"));

/** `rentals` is also written `rental`, `Rental`, `RENTAL_`. */
function spellings(name: string): RegExp {
  const stem = name.endsWith("s") ? name.slice(0, -1) : name;
  return new RegExp(stem, "i");
}

const ownedBy = (name: string, file: string) =>
  file.startsWith(`lib/modules/${name}/`) || file.startsWith(`components/${name}/`) || file === "lib/modules/registry.ts";

describe("module boundaries", () => {
  for (const definition of MODULES) {
    it(`no file in lib/ or components/ outside ${definition.name}'s folders names it`, () => {
      const naming = files
        .filter((file) => (file.startsWith("lib/") || file.startsWith("components/")) && !ownedBy(definition.name, file))
        .filter((file) => spellings(definition.name).test(readFileSync(path.join(root, file), "utf8")));
      expect(naming).toEqual([]);
    });

    it(`no app/ file outside ${definition.name}'s routes imports its code`, () => {
      const imports = new RegExp(`from "@/(lib/modules|components)/${definition.name}/`);
      const routes = definition.routes ?? [];
      const importing = files
        .filter((file) => file.startsWith("app/") && !routes.some((route) => file.startsWith(`${route}/`)))
        .filter((file) => imports.test(readFileSync(path.join(root, file), "utf8")));
      expect(importing).toEqual([]);
    });
  }

  it("every module's routes exist", () => {
    for (const definition of MODULES) {
      for (const route of definition.routes ?? []) expect(files.some((file) => file.startsWith(`${route}/`)), route).toBe(true);
    }
  });
});
