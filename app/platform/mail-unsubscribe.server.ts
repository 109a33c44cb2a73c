import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { publicBaseUrl } from "#app/core/env.server.ts";
import type { DbOrTx } from "#app/db/client.server.ts";
import { appSecrets } from "#app/db/schema/index.ts";
import { isUuid } from "./ids.ts";

/**
 * What a one-click unsubscribe link stops: one kind of notification (its mail channel becomes
 * "app"), the mail of one network's discussion, or all mail that is not about the account.
 */
export type UnsubscribeScope =
  | { type: "kind"; kind: string }
  | { type: "discussion"; networkId: string }
  | { type: "all" };

/** The preference row (notification_preferences.kind) that stops all non-essential mail. */
export const allMailPreference = "all-mail";

function encodeScope(scope: UnsubscribeScope) {
  if (scope.type === "kind") return `k-${scope.kind}`;
  if (scope.type === "discussion") return `d-${scope.networkId}`;
  return "all";
}

function decodeScope(code: string): UnsubscribeScope | null {
  if (code === "all") return { type: "all" };
  if (/^k-[a-z-]{1,40}$/.test(code)) return { type: "kind", kind: code.slice(2) };
  if (code.startsWith("d-") && isUuid(code.slice(2)))
    return { type: "discussion", networkId: code.slice(2) };
  return null;
}

const keyName = "mail-unsubscribe";
const keys = new WeakMap<object, Buffer>();

/**
 * The key that signs unsubscribe links, made on first use and kept in the database: the web
 * process and the worker (which sends the mail) share it, and it survives a restart, with no
 * setting an operator could forget.
 */
async function signingKey(db: DbOrTx) {
  const cached = keys.get(db);
  if (cached) return cached;
  await db
    .insert(appSecrets)
    .values({ name: keyName, value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select().from(appSecrets).where(eq(appSecrets.name, keyName));
  if (!row) throw new Error("no unsubscribe key");
  const key = Buffer.from(row.value, "base64url");
  keys.set(db, key);
  return key;
}

function mac(key: Buffer, userId: string, code: string) {
  return createHmac("sha256", key)
    .update(`unsubscribe:${userId}:${code}`)
    .digest("base64url")
    .slice(0, 22);
}

/**
 * The token names the person and what to stop, signed so nobody can make one for somebody
 * else; a mail client POSTs it without cookies (RFC 8058). It holds no address or name.
 */
export async function unsubscribeToken(db: DbOrTx, userId: string, scope: UnsubscribeScope) {
  const code = encodeScope(scope);
  return `${userId}.${code}.${mac(await signingKey(db), userId, code)}`;
}

export async function unsubscribeUrl(db: DbOrTx, userId: string, scope: UnsubscribeScope) {
  return `${publicBaseUrl()}/afmelden/${await unsubscribeToken(db, userId, scope)}`;
}

/** The person and scope of a token, or null for anything not signed by us. */
export async function readUnsubscribeToken(db: DbOrTx, token: string) {
  const [userId, code, signature, ...rest] = token.split(".");
  if (!userId || !code || !signature || rest.length || !isUuid(userId)) return null;
  const scope = decodeScope(code);
  if (!scope) return null;
  const expected = Buffer.from(mac(await signingKey(db), userId, code));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, scope };
}
