import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * The module contract's boundaries (README "How a module is built"), enforced by lint:
 * - `no-app-imports`: nothing outside app/ imports from app/ (routes are the top of the graph);
 * - `module-boundaries`: code of one module (lib/modules/<name>/, components/<name>/) never imports
 *   another module's code; the platform reaches modules only through lib/modules/registry.ts;
 * - `no-server-imports-in-client`: a "use client" file imports no server code (database, services,
 *   module definitions, the registry, sessions).
 */

const root = path.resolve(import.meta.dirname, "..");
const modulesDir = path.join(root, "lib", "modules");
const moduleNames = readdirSync(modulesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** The repository-relative path an import specifier points at, or null for packages. */
function target(file, specifier) {
  if (specifier.startsWith("@/")) return specifier.slice(2);
  if (specifier.startsWith(".")) return path.relative(root, path.resolve(path.dirname(file), specifier));
  return null;
}

/** The module a repository path belongs to (its lib/modules/<name>/ or components/<name>/ folder), or null for the platform. */
function moduleOf(relative) {
  const parts = relative.split(path.sep).join("/").split("/");
  if (parts[0] === "lib" && parts[1] === "modules" && moduleNames.includes(parts[2]) && parts.length > 3) return parts[2];
  if (parts[0] === "components" && moduleNames.includes(parts[1])) return parts[1];
  return null;
}

const SERVER_ONLY = [
  /^lib\/db(\.ts)?$/,
  /^lib\/modules\/[^/]+\/services\//,
  /^lib\/modules\/[^/]+\/(module|graphql|demo|notifications|settings)(\.ts)?$/,
  /^lib\/modules\/registry(\.ts)?$/,
  /^lib\/(auth|identity|rbac|events|notifications|realtime)\/(?!.*\.client)/,
  /^lib\/env(\.ts)?$/,
];

function importsOf(node, withTypes) {
  if (node.type === "ImportDeclaration") return withTypes || node.importKind !== "type" ? node.source.value : null;
  if (node.type === "ExportNamedDeclaration" || node.type === "ExportAllDeclaration") return node.source?.value ?? null;
  return null;
}

/** `withTypes`: type-only imports count too (they couple the code as much as value imports). */
function create(check, withTypes = true) {
  return (context) => {
    const file = context.filename;
    const relative = path.relative(root, file).split(path.sep).join("/");
    const visit = (node) => {
      const specifier = importsOf(node, withTypes);
      if (typeof specifier !== "string") return;
      const imported = target(file, specifier);
      if (imported === null) return;
      const problem = check({ relative, imported: imported.split(path.sep).join("/"), node, context });
      if (problem) context.report({ node, message: problem });
    };
    return { ImportDeclaration: visit, ExportNamedDeclaration: visit, ExportAllDeclaration: visit };
  };
}

const noAppImports = {
  meta: { type: "problem", docs: { description: "Only routes live in app/: nothing else imports from it." } },
  create: create(({ relative, imported }) =>
    !relative.startsWith("app/") && imported.startsWith("app/") ? `${relative} imports ${imported}: components and lib never import from app/.` : null,
  ),
};

const moduleBoundaries = {
  meta: { type: "problem", docs: { description: "A module's code imports no other module's; the platform reaches modules only through the registry." } },
  create: create(({ relative, imported }) => {
    const importer = moduleOf(relative);
    const owner = moduleOf(imported);
    if (owner === null || owner === importer) return null;
    if (relative === "lib/modules/registry.ts") return null;
    // Routes and tests belong to the module whose folder they import; app/ and tests are checked by their paths elsewhere.
    if (relative.startsWith("app/") || relative.startsWith("tests/") || relative.startsWith("e2e/") || relative.startsWith("bench/")) return null;
    return importer === null
      ? `${relative} (platform) imports the ${owner} module's ${imported}: the platform reaches modules only through lib/modules/registry.ts.`
      : `${relative} (${importer}) imports the ${owner} module's ${imported}: modules do not import each other.`;
  }),
};

const noServerImportsInClient = {
  meta: { type: "problem", docs: { description: 'A "use client" file imports no server code.' } },
  create(context) {
    const isClient = context.sourceCode.ast.body.some(
      (statement) => statement.type === "ExpressionStatement" && statement.directive === "use client",
    );
    if (!isClient) return {};
    return create(({ imported }) =>
      SERVER_ONLY.some((pattern) => pattern.test(imported)) ? `A "use client" file imports server code (${imported}); import types with \`import type\`, data from views/vocabulary/schemas.` : null,
    false)(context);
  },
};

const plugin = {
  rules: {
    "no-app-imports": noAppImports,
    "module-boundaries": moduleBoundaries,
    "no-server-imports-in-client": noServerImportsInClient,
  },
};

export default plugin;
