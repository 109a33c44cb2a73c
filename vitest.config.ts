import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const shared = {
  include: ["app/**/*.test.ts", "scripts/**/*.test.ts", "server/**/*.test.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  resolve: { alias: { "#app": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    // Vitest's default leaves one core free: one worker on a 2-core CI machine. Each test file has
    // its own database (tests/test-database.ts), so two files may run side by side.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: { ...shared, name: "pglite", env: { TEST_DB: "pglite", LOG_LEVEL: "silent" } },
      },
      {
        extends: true,
        test: { ...shared, name: "postgres", env: { TEST_DB: "postgres", LOG_LEVEL: "silent" } },
      },
    ],
  },
});
