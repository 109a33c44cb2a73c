import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { log } from "#app/core/logger.server.ts";
import type { Db } from "#app/db/client.server.ts";
import { userIdentities, users } from "#app/db/schema/index.ts";
import type { Actor } from "#app/platform/actor.ts";
import { notFound } from "#app/platform/errors.ts";
import { isUuid } from "#app/platform/ids.ts";
import { listSsoProviders } from "./providers.server.ts";
import { noticeSignInMethodChange } from "./sso.server.ts";

/** The providers that are a way in today ("" keeps the list non-empty for SQL's IN). */
const configuredProviders = () => ["", ...listSsoProviders().map((p) => p.key)];

/**
 * How a person gets in: their linked provider accounts and whether they have a password. Only
 * their own (the account page); an identity of a provider no longer configured is still listed,
 * so it can be removed.
 */
export async function listIdentities(db: Db, actor: Actor) {
  const [rows, [user]] = await Promise.all([
    db
      .select({
        id: userIdentities.id,
        provider: userIdentities.provider,
        email: userIdentities.email,
        homeOrganisation: userIdentities.homeOrganisation,
        createdAt: userIdentities.createdAt,
        lastLoginAt: userIdentities.lastLoginAt,
      })
      .from(userIdentities)
      .where(eq(userIdentities.userId, actor.userId))
      .orderBy(asc(userIdentities.createdAt)),
    db
      .select({ hasPassword: sql<boolean>`${users.passwordHash} is not null` })
      .from(users)
      .where(eq(users.id, actor.userId)),
  ]);
  const names = new Map(listSsoProviders().map((p) => [p.key, p.name]));
  return {
    hasPassword: user?.hasPassword ?? false,
    identities: rows.map((row) => ({
      ...row,
      providerName: names.get(row.provider) ?? row.provider,
    })),
  };
}

/**
 * Removes a linked provider account. Refused when it is the last way in: no password and no
 * other identity (a magic link would still work, but a person should choose that, not fall
 * into it). Someone else's identity, or an unknown id, is 404.
 */
export async function unlinkIdentity(
  db: Db,
  actor: Actor,
  identityId: string,
): Promise<{ kind: "unlinked" } | { kind: "last-way-in" }> {
  if (!isUuid(identityId)) notFound();
  return db.transaction(async (tx) => {
    // The user row is locked so two tabs cannot each remove "the other" last identity.
    const [user] = await tx
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, actor.userId))
      .for("update");
    const [identity] = await tx
      .select({ id: userIdentities.id, provider: userIdentities.provider })
      .from(userIdentities)
      .where(and(eq(userIdentities.id, identityId), eq(userIdentities.userId, actor.userId)));
    if (!user || !identity) notFound();
    if (!user.passwordHash) {
      // An identity of a provider no longer configured is no way in.
      const [other] = await tx
        .select({ id: userIdentities.id })
        .from(userIdentities)
        .where(
          and(
            eq(userIdentities.userId, actor.userId),
            ne(userIdentities.id, identityId),
            inArray(userIdentities.provider, configuredProviders()),
          ),
        )
        .limit(1);
      if (!other) return { kind: "last-way-in" as const };
    }
    await tx.delete(userIdentities).where(eq(userIdentities.id, identityId));
    await noticeSignInMethodChange(
      tx,
      actor.userId,
      "mail.identityUnlinkedNotice",
      identity.provider,
    );
    log.info("sso.unlinked", { provider: identity.provider, userId: actor.userId });
    return { kind: "unlinked" as const };
  });
}

/** Logging in only through the school's account: the password goes, if an identity is linked. */
export async function dropPassword(
  db: Db,
  actor: Actor,
): Promise<{ kind: "dropped" } | { kind: "no-identity" }> {
  return db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.userId)).for("update");
    const [identity] = await tx
      .select({ id: userIdentities.id })
      .from(userIdentities)
      .where(
        and(
          eq(userIdentities.userId, actor.userId),
          inArray(userIdentities.provider, configuredProviders()),
        ),
      )
      .limit(1);
    if (!identity) return { kind: "no-identity" as const };
    await tx.update(users).set({ passwordHash: null }).where(eq(users.id, actor.userId));
    await noticeSignInMethodChange(tx, actor.userId, "mail.passwordDroppedNotice");
    log.info("password.dropped", { userId: actor.userId });
    return { kind: "dropped" as const };
  });
}
