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
  /** an account whose address was never confirmed, and that nobody logged in to meanwhile, is erased after this */
  UNVERIFIED_ACCOUNT_DAYS: z.coerce.number().int().positive().default(30),
  /** an account nobody logged in to for this long is erased (after a warning) */
  INACTIVE_ACCOUNT_YEARS: z.coerce.number().int().positive().default(3),
  /** the warning goes out this long before the inactivity erasure */
  INACTIVE_WARNING_DAYS: z.coerce.number().int().positive().default(30),
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
  /** where people and schools send privacy questions and requests (privacy statement, bijsluiter) */
  PRIVACY_CONTACT_EMAIL: z.email().default("privacy@knooppunt.local"),
  /** who runs this installation: the processor named in the privacy statement and the bijsluiter */
  PRIVACY_PROCESSOR_NAME: z.string().trim().min(1).default("Knooppunt"),
  /** the sub-processors, "name|service|location" separated by ";" (app/modules/privacy/facts.server.ts) */
  PRIVACY_SUBPROCESSORS: z.string().trim().optional(),
  /** Single sign-on: the keys of the configured OpenID providers, comma-separated (e.g.
   * "surfconext,entree"); each key has its SSO_<KEY>_* variables (see ssoProviderSchema). */
  SSO_PROVIDERS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((key) => key.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[a-z][a-z0-9-]{0,30}$/, "sleutels: a-z, 0-9 en -"))),
  /** Plain-HTTP issuers, for the test provider only; never in production. */
  SSO_ALLOW_INSECURE_ISSUER: booleanFlag.default(false),
});

const ssoPresets = ["surfconext", "entree", "entra", "google", "generic"] as const;
export type SsoPreset = (typeof ssoPresets)[number];

/** One provider's SSO_<KEY>_* variables. */
const ssoProviderSchema = z.object({
  ISSUER: z.url(),
  CLIENT_ID: z.string().min(1),
  CLIENT_SECRET: z.string().min(1),
  /** space-separated; the preset's scopes when not set */
  SCOPES: z.string().trim().min(1).optional(),
  /** the button text ("Inloggen met …"); the preset's name when not set */
  NAME: z.string().trim().min(1).max(60).optional(),
  /** which claim mapping; a key named like a preset (surfconext, entree …) is that preset */
  PRESET: z.enum(ssoPresets).optional(),
});

export interface SsoProviderConfig {
  key: string;
  preset: SsoPreset;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string | null;
  name: string | null;
}

export type Env = z.infer<typeof envSchema> & { ssoProviders: SsoProviderConfig[] };

/** The SSO_<KEY>_* variables of every key in SSO_PROVIDERS, or the problems, named by variable. */
function parseSsoProviders(
  source: NodeJS.ProcessEnv,
  keys: string[],
  allowInsecure: boolean,
): { providers: SsoProviderConfig[]; problems: string[] } {
  const providers: SsoProviderConfig[] = [];
  const problems: string[] = [];
  for (const key of new Set(keys)) {
    const prefix = `SSO_${key.toUpperCase().replaceAll("-", "_")}_`;
    const parsed = ssoProviderSchema.safeParse(
      Object.fromEntries(
        Object.keys(ssoProviderSchema.shape).map((name) => [name, source[prefix + name]]),
      ),
    );
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(`  ${prefix}${issue.path.join(".")}: ${issue.message}`);
      }
      continue;
    }
    const preset = parsed.data.PRESET ?? ssoPresets.find((name) => name === key);
    if (!preset) {
      problems.push(`  ${prefix}PRESET: kies ${ssoPresets.join(", ")}`);
      continue;
    }
    // Tokens and client secrets over plain HTTP only for the test provider on this machine.
    if (new URL(parsed.data.ISSUER).protocol !== "https:" && !allowInsecure) {
      problems.push(`  ${prefix}ISSUER: moet https zijn (of zet SSO_ALLOW_INSECURE_ISSUER=true)`);
      continue;
    }
    providers.push({
      key,
      preset,
      issuer: parsed.data.ISSUER,
      clientId: parsed.data.CLIENT_ID,
      clientSecret: parsed.data.CLIENT_SECRET,
      scopes: parsed.data.SCOPES ?? null,
      name: parsed.data.NAME ?? null,
    });
  }
  return { providers, problems };
}

let cached: Env | undefined;

/** Validated once; a bad variable stops the start with a message naming it. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Ongeldige omgevingsvariabelen:\n${lines.join("\n")}`);
  }
  const sso = parseSsoProviders(
    process.env,
    parsed.data.SSO_PROVIDERS,
    parsed.data.SSO_ALLOW_INSECURE_ISSUER,
  );
  if (sso.problems.length) {
    throw new Error(`Ongeldige omgevingsvariabelen:\n${sso.problems.join("\n")}`);
  }
  cached = { ...parsed.data, ssoProviders: sso.providers };
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
  if (config.SSO_ALLOW_INSECURE_ISSUER) {
    problems.push("SSO_ALLOW_INSECURE_ISSUER staat aan: in productie alleen https-providers.");
  }
  return problems;
}
