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
  DATA_DIR: z.string().default("./data"),
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
  return (process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(
    /\/$/,
    "",
  );
}
