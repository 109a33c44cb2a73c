import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe; only the hash is ever stored. */
export function newToken() {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}
