// The built server (node server.js, production) on a PGlite folder, for the scripts that measure
// it in Chromium (bench-map.ts, bundle-size.ts). Resolves once it says it runs.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

export async function startBuiltServer(pgliteDir: string, port: number) {
  const server = spawn(process.execPath, ["server.js"], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: pgliteDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      COOKIE_SECURE: "false",
      LOG_LEVEL: "error",
      NODE_ENV: "production",
      // production refuses to start without these; nothing here sends mail
      SMTP_URL: "smtp://127.0.0.1:9",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout?.on("data", (c) => String(c).includes("draait") && resolve());
    server.on("exit", (code) => reject(new Error(`server.js stopte (${code})`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.on("exit", resolve));
    },
  };
}
