import path from "node:path";

export const e2ePort = Number(process.env.E2E_PORT ?? 3210);
export const smtpPort = e2ePort + 1;
/** Knooppunt's own SMTP endpoint for replies and new topics by e-mail */
export const inboundSmtpPort = e2ePort + 2;
export const mailboxPath = path.resolve("test-results", "e2e-mailbox.jsonl");
