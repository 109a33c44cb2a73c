import { hash, verify } from "@node-rs/argon2";
import { isCommonPassword } from "./common-passwords.ts";

// OWASP / ASVS 5.0 minimum for argon2id: m=19 MiB, t=2, p=1. Algorithm 2 = Argon2id.
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string) {
  return hash(password, options);
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

export { isCommonPassword };
