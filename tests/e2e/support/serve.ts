// Starts what the browser tests talk to: a real SMTP server that files every message in a
// mailbox file, and Knooppunt itself on a fresh PGlite folder with the demo data.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { e2ePort, mailboxPath, smtpPort } from "./paths.ts";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "knooppunt-e2e-"));
fs.mkdirSync(path.dirname(mailboxPath), { recursive: true });
fs.writeFileSync(mailboxPath, "");

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const to = Array.isArray(mail.to)
          ? mail.to.flatMap((a) => a.value)
          : (mail.to?.value ?? []);
        fs.appendFileSync(
          mailboxPath,
          `${JSON.stringify({ to: to.map((a) => a.address), subject: mail.subject, text: mail.text, at: Date.now() })}\n`,
        );
        callback();
      })
      .catch(callback);
  },
});
smtp.listen(smtpPort, "127.0.0.1");

const env = {
  ...process.env,
  DATA_DIR: path.join(dataDir, "pglite"),
  PORT: String(e2ePort),
  HOST: "127.0.0.1",
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  COOKIE_SECURE: "true",
  LOG_LEVEL: "warn",
};
const seeded = spawnSync(process.execPath, ["scripts/seed.ts"], { env, stdio: "inherit" });
if (seeded.status !== 0) process.exit(1);

const server = spawn(process.execPath, ["server.js"], { env, stdio: "inherit" });
const stop = () => {
  server.kill("SIGTERM");
  smtp.close();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
server.on("exit", (code) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
