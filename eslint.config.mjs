import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

// Only the data-access files talk to the database: lib/<domain>/data.ts (reads), lib/<domain>/mutations.ts
// (writes) and lib/db itself. Everything else goes through them, so access rules live in one place.
const prismaClientPaths = {
  patterns: [
    { group: ["@/lib/db/client", "**/lib/db/client", "@/lib/db/generated/client", "**/db/generated/client"], message: "Only lib/**/data.ts, lib/**/mutations.ts and lib/db import the Prisma client." },
    { group: ["@prisma/client", "@prisma/client/*"], message: "Import the client from @/lib/db/client (in data.ts or mutations.ts)." },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", ".cache/**", "lib/db/generated/**", "next-env.d.ts", "node_modules/**", "test-results/**", "playwright-report/**"]),
  {
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/**/data.ts", "lib/**/mutations.ts", "lib/db/**", "tests/**", "scripts/**"],
    rules: {
      "no-restricted-imports": ["error", prismaClientPaths],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
]);
