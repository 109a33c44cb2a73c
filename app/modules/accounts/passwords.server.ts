import { createRequire } from "node:module";
import { hash, verify } from "@node-rs/argon2";
import { FieldError } from "#app/platform/forms.ts";
import { isCommonPassword } from "./common-passwords.ts";

// OWASP / ASVS 5.0 minimum for argon2id: m=19 MiB, t=2, p=1. Algorithm 2 = Argon2id.
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string) {
  return hash(password, options);
}

let breached: Set<string> | undefined;

/**
 * ASVS 6.2.4 asks for the top 3 000+ breached passwords; zxcvbn-ts's list has ~49 000, ranked.
 * Loaded on the server only (the browser checks the short list in common-passwords.ts as you type).
 */
export function isBreachedPassword(password: string) {
  if (!breached) {
    const require = createRequire(import.meta.url);
    const list = require("@zxcvbn-ts/language-common/src/passwords.json") as string[];
    breached = new Set(list.map((entry) => entry.toLowerCase()));
  }
  const lower = password.toLowerCase();
  return breached.has(lower) || isCommonPassword(lower);
}

/** A password someone chooses now: refused at its field when it is on a breach list. */
export function hashNewPassword(password: string, field = "password") {
  if (isBreachedPassword(password)) throw new FieldError(field, "error.password.common");
  return hashPassword(password);
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Spent on unknown accounts too, so response time does not tell whether an e-mail is known. */
const dummyHash = hashPassword("knooppunt-timing-equaliser");
export async function verifyAgainstNothing(password: string) {
  await verifyPassword(await dummyHash, password);
  return false;
}
