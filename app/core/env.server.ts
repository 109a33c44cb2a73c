import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  HOST: z.string().default("0.0.0.0"),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().startsWith("postgres").optional(),
  /** PGlite's folder when DATABASE_URL is not set; the lock file sits next to it */
  DATA_DIR: z.string().default("./data/pglite"),
  SMTP_URL: z.string().startsWith("smtp").optional(),
  MAIL_FROM: z.string().default("Knooppunt <noreply@knooppunt.local>"),
  /** delivery metadata of sent and failed mail is kept this long */
  MAIL_RETENTION_DAYS: z.coerce.number().int().positive().default(30),
  /** replies and new topics by e-mail arrive at addresses in this domain */
  INBOUND_MAIL_DOMAIN: z.string().default("reageer.knooppunt.local"),
  INBOUND_SMTP_PORT: z.coerce.number().int().positive().optional(),
  INBOUND_MAIL_SECRET: z.string().min(16).optional(),
  /** authserv-id of the relay whose Authentication-Results headers prove a sender (docs/INBOUND-MAIL.md) */
  INBOUND_TRUSTED_AUTHSERV_ID: z.string().trim().min(1).optional(),
  LOGIN_LIMIT_PER_IP: z.coerce.number().int().positive().optional(),
  COOKIE_SECURE: booleanFlag.default(true),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .positive()
    .default(60 * 24 * 7),
  SESSION_MAX_DAYS: z.coerce.number().int().positive().default(30),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** log every SQL statement with its request, and per request the count and repeats */
  LOG_QUERIES: booleanFlag.default(false),
  /** how often the worker looks for due jobs (reminders, digests, offers) */
  JOB_INTERVAL_SECONDS: z.coerce.number().positive().default(60),
  /** proxies in front of us whose X-Forwarded-For we believe (server/http-guards.js) */
  TRUST_PROXY: z.string().optional(),
  /** load shedding (server/http-guards.js): requests in the app at once, per process */
  MAX_CONCURRENT_REQUESTS: z.coerce.number().int().positive().default(64),
  /** …how many may wait for a turn; past that the answer is 503 with Retry-After */
  MAX_QUEUED_REQUESTS: z.coerce.number().int().min(0).default(128),
  /** …and how long one may wait (ms) before it gets that 503 */
  MAX_QUEUE_WAIT_MS: z.coerce.number().int().positive().default(5000),
  /** How long (ms) a page rendered for a visitor without any cookie is served again to other
   * visitors; 0 turns this off. Signed-in people always get a fresh page. */
  VISITOR_PAGE_CACHE_MS: z.coerce.number().int().min(0).default(5000),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Validated once; a bad variable stops the start with a message naming it. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Ongeldige omgevingsvariabelen:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

export function resetEnvForTests() {
  cached = undefined;
}

/** The address people use, for links in mail sent outside a request (jobs, housekeeping). */
export function publicBaseUrl() {
  const { PUBLIC_URL, PORT } = env();
  return (PUBLIC_URL ?? `http://localhost:${PORT}`).replace(/\/$/, "");
}

/** What production cannot run without; server.js and worker.js refuse to start on any of these. */
export function productionProblems(config = env()): string[] {
  if (config.NODE_ENV !== "production") return [];
  const problems: string[] = [];
  // Without SMTP, mail (login links included) is written to the log: fine on a laptop, not here.
  if (!config.SMTP_URL)
    problems.push("SMTP_URL ontbreekt: in productie moet Knooppunt mail kunnen versturen.");
  // Links in mail (login links, resets) must never be built from a Host header a client chose.
  if (!config.PUBLIC_URL) {
    problems.push(
      "PUBLIC_URL ontbreekt: in productie moet Knooppunt zijn eigen adres kennen (bijv. https://knooppunt.example.nl).",
    );
  }
  return problems;
}
