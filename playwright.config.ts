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
  // The floor of a test's time limit: the checkA11y and readMail fixtures add a budget for every
  // page a journey visits and every mail it waits for (tests/e2e/support/fixtures.ts), so a long
  // journey gets the time its steps need instead of one limit that only fits an idle machine.
  timeout: 30_000,
  // As long as a person waits for a page to answer on a busy machine before giving up.
  expect: { timeout: 15_000 },
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
