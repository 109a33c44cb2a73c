import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { e2ePort, mailboxPath } from "./tests/e2e/support/paths.ts";

const database = process.env.E2E_DB === "postgres" ? "postgresql" : "pglite";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  timeout: 45_000,
  use: {
    baseURL: `http://localhost:${e2ePort}`,
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    {
      name: `laptop · ${database}`,
      use: { ...devices["Desktop Chrome"], channel: undefined },
      grepInvert: /@telefoon/,
    },
    {
      name: `telefoon · ${database}`,
      use: { ...devices["Pixel 7"], channel: undefined },
      grep: /@telefoon/,
    },
  ],
  webServer: {
    command: "node tests/e2e/support/serve.ts",
    url: `http://localhost:${e2ePort}/favicon.svg`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: { ...(process.env as Record<string, string>), E2E_MAILBOX: path.resolve(mailboxPath) },
  },
});
