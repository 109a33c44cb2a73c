import path from "node:path";

export const e2ePort = Number(process.env.E2E_PORT ?? 3210);
export const smtpPort = e2ePort + 1;
export const mailboxPath = path.resolve("test-results", "e2e-mailbox.jsonl");
