import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Layer rules (DESIGN.md): app -> lib -> db; components never reach data access; db never
// reaches lib; lib never reaches app or components.
const restrict = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "next-env.d.ts", "db/migrations/**", "test-results/**", "playwright-report/**", ".data/**", "cache/**"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["db/**/*.ts"],
    ignores: ["db/**/*.test.ts", "db/testing.ts"],
    rules: restrict([{ group: ["@/lib/*", "@/app/*", "@/components/*", "../lib/*", "../app/*", "../components/*"], message: "db/ must not import lib/, app/ or components/." }]),
  },
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    // Tests may drive the real route handlers.
    ignores: ["lib/**/*.test.ts"],
    rules: restrict([{ group: ["@/app/*", "@/components/*"], message: "lib/ must not import app/ or components/." }]),
  },
  {
    files: ["components/**/*.tsx", "components/**/*.ts"],
    rules: restrict([
      { group: ["@/db/*", "!@/db/enums"], message: "components/ must not touch the database; use lib/<domain> schemas or client hooks." },
      { group: ["@/lib/*/service", "@/lib/*/queries"], message: "components/ must not import services or queries." },
    ]),
  },
  {
    files: ["app/**/*.ts", "app/**/*.tsx"],
    ignores: ["app/**/*.test.ts"],
    rules: restrict([{ group: ["@/db/*", "!@/db/enums", "!@/db/client"], message: "app/ reaches the database through lib/<domain>." }]),
  },
]);
