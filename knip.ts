import type { KnipConfig } from "knip";

// Unused files, exports and dependencies (`npm run knip`, part of `npm test`). knip's plugins
// find most entries themselves: the routes app/routes.ts declares, root and entry files, tests
// and the vitest, playwright, drizzle and biome configs, package.json's scripts (server.js,
// worker.js). scripts/*.ts are added because some run only through ./knooppunt.
const config: KnipConfig = {
  entry: ["scripts/*.ts", "scripts/bench/{main,load,reference}.ts"],
  project: [
    "app/**/*.{ts,tsx,css}",
    "server/**/*.js",
    "scripts/**/*.ts",
    "tests/**/*.ts",
    "*.{js,ts}",
  ],
  // PostgreSQL's own tool, installed with the server, not an npm package (scripts/backup.ts);
  // util-linux's, with which the bench pins processes to cores and runs PostgreSQL's tools.
  ignoreBinaries: ["pg_dump", "taskset", "runuser"],
  compilers: {
    // app.css pulls in Tailwind with `@import "tailwindcss"`: read its @imports as imports.
    css: (text: string) => [...text.matchAll(/(?<=@)import[^;]+/g)].join("\n"),
  },
};

export default config;
