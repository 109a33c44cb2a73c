// kill -9 during a loop of writes (issue 13, "Prove it"): a Knooppunt of its own (the build,
// `node server.js`, a fresh PGlite folder or PostgreSQL database with the demo seed) takes
// discussion answers from a signed-in member; it is killed with SIGKILL while a write is on its
// way, started again with no hand work, and every write it acknowledged must be there. Every
// other trial also leaves the lock file naming a live process that is not Knooppunt (a pid
// reused after the crash, as in containers): the restart must take that stale lock over too.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, request, test } from "@playwright/test";
import { createPostgresDatabase } from "../../postgres-database.ts";
import { demoPassword } from "../support/fixtures.ts";
import { e2ePort } from "../support/paths.ts";

const port = e2ePort + 7;
const base = `http://127.0.0.1:${port}`;
const trials = 3;
const writesBeforeKill = 12;

let dataDir: string;
let env: NodeJS.ProcessEnv;
let server: ChildProcess | undefined;
let serverLog = "";

/** Starts `node server.js` and waits until it answers; fails with its output if it cannot. */
async function start() {
  serverLog = "";
  server = spawn(process.execPath, ["server.js"], { env, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout?.on("data", (chunk) => {
    serverLog += chunk;
  });
  server.stderr?.on("data", (chunk) => {
    serverLog += chunk;
  });
  const exited = new Promise<number | null>((resolve) => server?.once("exit", resolve));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const code = await Promise.race([
      exited,
      new Promise<"wait">((resolve) => setTimeout(() => resolve("wait"), 250)),
    ]);
    if (code !== "wait")
      throw new Error(`Knooppunt startte niet opnieuw (exit ${code}):\n${serverLog}`);
    try {
      const response = await fetch(`${base}/favicon.svg`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
  }
  throw new Error(`Knooppunt antwoordde niet binnen 90 s:\n${serverLog}`);
}

async function kill9() {
  const child = server;
  if (!child || child.exitCode !== null) return;
  const gone = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await gone;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "knooppunt-kill9-"));
  const databaseUrl =
    process.env.E2E_DB === "postgres"
      ? (await createPostgresDatabase("knooppunt_kill9")).url
      : undefined;
  env = {
    ...process.env,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    DATA_DIR: path.join(dataDir, "pglite"),
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: base,
    COOKIE_SECURE: "false",
    LOGIN_LIMIT_PER_IP: "1000",
    LOG_LEVEL: "warn",
  };
  // No mail leaves and no inbound SMTP endpoint: this server only takes writes.
  delete env.SMTP_URL;
  delete env.INBOUND_SMTP_PORT;
  if (!databaseUrl) delete env.DATABASE_URL;
  const seeded = spawnSync(process.execPath, ["scripts/seed.ts"], { env, encoding: "utf8" });
  if (seeded.status !== 0) throw new Error(`seed mislukt:\n${seeded.stderr}`);
});

test.afterAll(async () => {
  await kill9();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test("kill -9 during a loop of writes loses no acknowledged write, and the restart needs no hand work", async () => {
  test.setTimeout(420_000);
  await start();
  const member = await request.newContext({
    baseURL: base,
    extraHTTPHeaders: { Origin: base },
    maxRedirects: 0,
  });
  const loggedIn = await member.post("/inloggen", {
    form: { email: "jozef.geurtzen@knooppunt.test", password: demoPassword, terug: "/" },
  });
  expect(loggedIn.status()).toBe(302);
  // A question in Eindverantwoordelijk Schoolleiders, where Jozef is a member.
  const catalogue = await (await member.get("/netwerken")).text();
  const network = catalogue.match(
    /href="\/netwerken\/([0-9a-f-]{36})"[^>]*>(?:(?!<\/a>)[\s\S])*?Eindverantwoordelijk Schoolleiders/,
  )?.[1];
  const discussion = await (await member.get(`/netwerken/${network}/discussie`)).text();
  const topic = discussion.match(
    new RegExp(`href="(/netwerken/${network}/discussie/[0-9a-f-]{36})"`),
  )?.[1];
  expect(topic, "een vraag om op te antwoorden").toBeTruthy();

  const acknowledged: string[] = [];
  let attempted = 0;
  for (let trial = 1; trial <= trials; trial++) {
    const answer = (n: number) => `Antwoord kill9 proef ${trial} nummer ${n} ${Date.now()}`;
    const write = async (n: number) => {
      const text = answer(n);
      attempted++;
      try {
        const response = await member.post(topic as string, {
          form: { intent: "answer", body: text },
        });
        const location = response.headers().location ?? "";
        if (response.status() < 400 && !location.startsWith("/inloggen")) acknowledged.push(text);
      } catch {
        // the connection died with the server: not acknowledged, so it may be lost
      }
    };
    for (let n = 1; n <= writesBeforeKill; n++) await write(n);
    // Two writes on their way, then SIGKILL while they are: whatever was acknowledged must stay.
    const inFlight = [write(writesBeforeKill + 1), write(writesBeforeKill + 2)];
    await new Promise((resolve) => setTimeout(resolve, 5));
    await kill9();
    await Promise.all(inFlight);

    const lock = `${env.DATA_DIR}.lock`;
    if (!env.DATABASE_URL) {
      expect(fs.existsSync(lock), "de gedode server liet zijn lock achter").toBe(true);
      // A reused pid: the lock now names a live process that is not Knooppunt.
      if (trial % 2 === 0) fs.writeFileSync(lock, `${process.pid} 1`);
    }
    await start();
    const page = await (await member.get(topic as string)).text();
    const lost = acknowledged.filter((text) => !page.includes(text));
    expect(lost, `bevestigde antwoorden kwijt na kill -9 (proef ${trial})`).toEqual([]);
  }
  expect(acknowledged.length).toBeGreaterThanOrEqual(trials * writesBeforeKill);
  console.log(
    `kill -9: ${trials} proeven, ${attempted} schrijfpogingen, ${acknowledged.length} bevestigd en teruggevonden`,
  );
  await member.dispose();
});
