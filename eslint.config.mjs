import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";
import moduleBoundaries from "./eslint-rules/module-boundaries.mjs";

export default defineConfig([
  ...nextVitals,
  ...nextTypeScript,
  {
    rules: {
      // Dropping fields by destructuring (`const { secret, ...rest } = raw`) is intended.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true, argsIgnorePattern: "^_" }],
    },
  },
  {
    // The module contract's boundaries (eslint-rules/module-boundaries.mjs).
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { wheelhouse: moduleBoundaries },
    rules: { "wheelhouse/no-server-imports-in-client": "error" },
  },
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx", "components/**/*.ts", "components/**/*.tsx"],
    plugins: { wheelhouse: moduleBoundaries },
    rules: { "wheelhouse/no-app-imports": "error", "wheelhouse/module-boundaries": "error" },
  },
  {
    // Links prefetch on intent (components/ui/intent-link.tsx): Next's <Link> prefetches every link on screen at
    // each page load, which costs a phone a request and a render per link.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    ignores: ["components/ui/intent-link.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "next/link", message: "Use IntentLink from @/components/ui/intent-link (prefetch on intent)." }] },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "lib/generated/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
