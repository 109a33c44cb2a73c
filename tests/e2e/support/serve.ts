// Starts what the browser tests talk to: a real SMTP server that files every message in a
// mailbox file, and Knooppunt itself on a fresh PGlite folder (or PostgreSQL database, with
// worker.js beside server.js) with the demo data.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { createPostgresDatabase } from "../../postgres-database.ts";
import { startOidcTestProvider } from "../../support/oidc-test-provider.ts";
import { e2ePort, inboundSmtpPort, mailboxPath, smtpPort } from "./paths.ts";
import { entreeAccounts, surfconextAccounts } from "./sso-accounts.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "knooppunt-e2e-"));
fs.mkdirSync(path.dirname(mailboxPath), { recursive: true });
fs.writeFileSync(mailboxPath, "");

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const header = (key: string) =>
          mail.headerLines
            .find((h) => h.key === key)
            ?.line.slice(key.length + 1)
            .trim() ?? null;
        const to = Array.isArray(mail.to)
          ? mail.to.flatMap((a) => a.value)
          : (mail.to?.value ?? []);
        fs.appendFileSync(
          mailboxPath,
          `${JSON.stringify({
            to: to.map((a) => a.address),
            subject: mail.subject,
            text: mail.text,
            replyTo: mail.replyTo?.value[0]?.address ?? null,
            listUnsubscribe: header("list-unsubscribe"),
            listUnsubscribePost: header("list-unsubscribe-post"),
            messageId: mail.messageId ?? null,
            inReplyTo: mail.inReplyTo ?? null,
            references: header("references"),
            html: typeof mail.html === "string" ? mail.html : null,
            at: Date.now(),
          })}\n`,
        );
        callback();
      })
      .catch(callback);
  },
});
smtp.listen(smtpPort, "127.0.0.1");

// E2E_DB=postgres runs the same journeys on a fresh database on the test PostgreSQL server.
const databaseUrl =
  process.env.E2E_DB === "postgres"
    ? (await createPostgresDatabase("knooppunt_e2e")).url
    : undefined;

// Two real OpenID providers, one with SURFconext's claims and one with Entree's: the login
// buttons, the callback and the provider logout run against them as against the federations.
const baseUrl = `http://localhost:${e2ePort}`;
const surfconext = await startOidcTestProvider({
  preset: "surfconext",
  accounts: surfconextAccounts,
  baseUrl,
});
const entree = await startOidcTestProvider({ preset: "entree", accounts: entreeAccounts, baseUrl });

const env = {
  ...process.env,
  SSO_PROVIDERS: "surfconext,entree",
  ...surfconext.env(),
  ...entree.env(),
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  DATA_DIR: path.join(dataDir, "pglite"),
  PORT: String(e2ePort),
  HOST: "127.0.0.1",
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  COOKIE_SECURE: "true",
  INBOUND_SMTP_PORT: String(inboundSmtpPort),
  // Every journey logs in from 127.0.0.1; the per-account limit still holds.
  LOGIN_LIMIT_PER_IP: "1000",
  // Each-message notifications and digests are jobs; the tests should not wait a minute for them.
  JOB_INTERVAL_SECONDS: "2",
  // A journey opens a page as a visitor right after someone changed it, faster than real visitors
  // do; the few seconds' visitor cache is tested on its own (server/page-cache.test.ts).
  VISITOR_PAGE_CACHE_MS: "0",
  LOG_LEVEL: "warn",
};
const seeded = spawnSync(process.execPath, ["scripts/seed.ts"], { env, stdio: "inherit" });
if (seeded.status !== 0) process.exit(1);

const server = spawn(process.execPath, ["server.js"], { env, stdio: "inherit" });
// On PostgreSQL the web process only serves (as in production): the worker sends the mail the
// journeys read and receives the mail they send. On PGlite server.js does both itself.
const worker = databaseUrl
  ? spawn(process.execPath, ["worker.js"], { env, stdio: "inherit" })
  : undefined;
worker?.on("exit", (code) => {
  if (code !== 0 && code !== null) server.kill("SIGTERM");
});
const stop = () => {
  server.kill("SIGTERM");
  worker?.kill("SIGTERM");
  smtp.close();
  void surfconext.close();
  void entree.close();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => {
  worker?.kill("SIGTERM");
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
