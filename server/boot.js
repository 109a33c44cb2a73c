// What server.js and worker.js both do first: load the built app (both run the same bundle) and
// refuse to start on a bad environment, naming the variable.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export async function loadApp() {
  const build = await import(path.join(root, "build", "server", "index.js"));
  const { platform } = build.entry.module;
  let config;
  try {
    config = platform.env();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const problems = platform.productionProblems(config);
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    process.exit(1);
  }
  return { build, platform, config };
}

/** On SIGTERM or SIGINT: `stop` once (stop taking work, close the database), then exit. */
export function stopOnSignals(stop) {
  let stopping = false;
  async function shutdown(signal) {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} ontvangen: Knooppunt stopt netjes…`);
    try {
      await stop();
    } finally {
      process.exit(0);
    }
  }
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

/**
 * Opens the database (migrating it) and, with `worker`, starts the worker's part; a failure is one
 * readable line, not a stack.
 */
export async function openOrExit(platform, { worker }) {
  try {
    await platform.open();
    if (worker) await platform.startWorker();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
