import { eq } from "drizzle-orm";
import type { Db } from "#app/db/client.server.ts";
import { users } from "#app/db/schema/index.ts";
import type { Locale } from "#app/i18n/locale.ts";
import { proveIdentity } from "#app/modules/accounts/identity-proof.server.ts";
import { endAllSessions } from "#app/modules/accounts/sessions.server.ts";
import { listIdentities } from "#app/modules/sso/identities.server.ts";
import { listSsoProviders } from "#app/modules/sso/providers.server.ts";
import type { Actor } from "#app/platform/actor.ts";
import { FieldError } from "#app/platform/forms.ts";
import type { ErasureRule } from "#app/platform/personal-data.ts";
import { eraseAccount } from "./erasure.server.ts";
import { deleteExportsOf } from "./export.server.ts";
import { personalDataRegister } from "./register.server.ts";
import { privacyStatement } from "./statement.server.ts";

/**
 * Deleting one's own account (AVG art. 17): what it does, told from the register before the person
 * decides, and the proof that it is them (their password, or a fresh login at their school's
 * provider) before eraseAccount applies every module's rule.
 */

export type ErasureGroup = {
  rule: ErasureRule;
  items: { module: string; data: string; note: string }[];
};

/** The register's rules grouped as the person reads them: what goes, what stays unnamed, what is kept and why. */
export function erasureOverview(locale: Locale): ErasureGroup[] {
  const names = new Map(privacyStatement(locale).modules.map((m) => [m.module, m.name]));
  const pick = (text: { nl: string; en: string }) => text[locale] || text.nl;
  const order: ErasureRule[] = ["delete", "anonymise", "keep"];
  return order
    .map((rule) => ({
      rule,
      items: personalDataRegister.flatMap((module) =>
        module.declarations
          .filter((d) => d.erasure === rule)
          .map((d) => ({
            module: names.get(module.module) ?? module.module,
            data: pick(d.data),
            note: pick(d.erasureNote),
          })),
      ),
    }))
    .filter((group) => group.items.length > 0);
}

/** How this person can prove it is them: a password, and/or the providers they log in with. */
export async function reauthenticationMethods(db: Db, actor: Actor) {
  const { hasPassword, identities } = await listIdentities(db, actor);
  const configured = new Set(listSsoProviders().map((p) => p.key));
  const providers = new Map<string, string>();
  for (const identity of identities) {
    if (configured.has(identity.provider)) providers.set(identity.provider, identity.providerName);
  }
  return { hasPassword, providers: [...providers].map(([key, name]) => ({ key, name })) };
}

export type DeletionOutcome =
  | { kind: "erased" }
  | { kind: "rate-limited"; retryAfterSeconds: number };

/**
 * Erases the signed-in person's own account once they proved it is them and typed the
 * confirmation. A wrong password counts against the same limit as logging in to this account.
 */
export async function deleteOwnAccount(
  db: Db,
  actor: Actor,
  input: { password?: string; proof?: string; confirmation: string },
): Promise<DeletionOutcome> {
  const [user] = await db
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, actor.userId));
  if (!user) throw new Error("signed-in person without an account row");
  const typed = input.confirmation.trim().toLowerCase();
  if (typed !== "verwijder" && typed !== user.email.toLowerCase()) {
    throw new FieldError("confirmation", "rights.error.confirmation");
  }
  const proof = await proveIdentity(db, actor.userId, {
    password: input.password,
    reauthToken: input.proof,
  });
  if (proof.kind === "rate-limited") return proof;
  if (proof.kind === "password-required") {
    throw new FieldError("password", "rights.error.password.required");
  }
  if (proof.kind === "wrong-password") {
    throw new FieldError("password", "rights.error.password.wrong");
  }
  if (proof.kind === "needs-reauth") throw new FieldError("form", "rights.error.proof");
  await eraseAccount(db, actor.userId, { reason: "self" });
  // A ZIP of everything about them must not outlive the account, whichever module's rule misses it.
  await deleteExportsOf(db, actor.userId);
  // The erasure ends the sessions too; this makes sure whatever its rules, nobody stays signed in.
  await endAllSessions(db, actor.userId);
  return { kind: "erased" };
}
