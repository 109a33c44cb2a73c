import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { publicBaseUrl } from "#app/core/env.server.ts";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import { organisationMembers, organisations, users } from "#app/db/schema/index.ts";
import type { Actor, MaybeActor } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import { canDecideWorkplaceRequests } from "./organisations.policy.ts";

/**
 * The condition every query must add when a workplace means something (a grant, a school's
 * space, its people): a claim only counts once the school confirmed it.
 */
export const confirmedWorkplace = eq(organisationMembers.status, "confirmed");

/**
 * Sets where a person says they work to exactly these organisations. A new one is a request
 * the school's admins are told about and must confirm; organisations that stay keep their
 * status and admin role. Taking one off needs nobody's approval.
 */
export async function setWorkplaces(
  tx: DbOrTx,
  userId: string,
  organisationIds: string[],
  mail: { baseUrl: string } = { baseUrl: publicBaseUrl() },
) {
  const known = organisationIds.length
    ? await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(inArray(organisations.id, organisationIds))
    : [];
  if (known.length !== new Set(organisationIds).size) {
    throw new FieldError("organisationIds", "error.organisation.invalid");
  }
  const current = await tx
    .select({ organisationId: organisationMembers.organisationId })
    .from(organisationMembers)
    .where(eq(organisationMembers.userId, userId));
  const currentIds = new Set(current.map((row) => row.organisationId));
  const wanted = new Set(organisationIds);
  const toRemove = [...currentIds].filter((orgId) => !wanted.has(orgId));
  const toAdd = [...wanted].filter((orgId) => !currentIds.has(orgId));
  if (toRemove.length) {
    await tx
      .delete(organisationMembers)
      .where(
        and(
          eq(organisationMembers.userId, userId),
          inArray(organisationMembers.organisationId, toRemove),
        ),
      );
  }
  if (toAdd.length) {
    await tx.insert(organisationMembers).values(
      toAdd.map((organisationId) => ({
        organisationId,
        userId,
        role: "member" as const,
        status: "requested" as const,
      })),
    );
    await mailRequestToAdmins(tx, userId, toAdd, mail);
  }
}

/** Tells a school's admins (confirmed ones) that someone asks to be counted as working there. */
async function mailRequestToAdmins(
  tx: DbOrTx,
  userId: string,
  organisationIds: string[],
  mail: { baseUrl: string },
) {
  const [requester] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
  if (!requester) return;
  const admins = await tx
    .select({
      organisationId: organisations.id,
      school: organisations.name,
      name: users.name,
      email: users.email,
      locale: users.locale,
    })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(
      and(
        inArray(organisationMembers.organisationId, organisationIds),
        eq(organisationMembers.role, "admin"),
        confirmedWorkplace,
        sql`${users.disabledAt} is null`,
      ),
    );
  for (const admin of admins) {
    await sendTemplatedMail(tx, admin, "mail.workplaceRequested", {
      name: admin.name,
      requester: requester.name,
      school: admin.school,
      link: `${mail.baseUrl}/organisaties/${admin.organisationId}#aanvragen`,
    });
  }
}

/**
 * The one place a claim becomes a right, without asking who decides: confirmWorkplace calls it
 * once the school's admins agree, and confirmWorkplaceFromLogin when the school's SSO proves the
 * person works there. False when there was no open claim.
 */
async function markWorkplaceConfirmed(
  tx: DbOrTx,
  organisationId: string,
  userId: string,
): Promise<boolean> {
  const updated = await tx
    .update(organisationMembers)
    .set({ status: "confirmed" })
    .where(pendingRequest(organisationId, userId))
    .returning({ userId: organisationMembers.userId });
  return updated.length > 0;
}

/**
 * A login through the school's SSO proves the person works there: the workplace is confirmed,
 * whether it was asked for (a request becomes confirmed, its role kept) or not yet there. The
 * caller found the school (findOrganisationForLogin); nobody is mailed, nothing waits.
 */
export async function confirmWorkplaceFromLogin(
  tx: DbOrTx,
  organisationId: string,
  userId: string,
) {
  if (await markWorkplaceConfirmed(tx, organisationId, userId)) return;
  await tx
    .insert(organisationMembers)
    .values({ organisationId, userId, role: "member", status: "confirmed" })
    .onConflictDoNothing();
}

/** The one row of a claim that still waits for the school. */
const pendingRequest = (organisationId: string, userId: string) =>
  and(
    eq(organisationMembers.organisationId, organisationId),
    eq(organisationMembers.userId, userId),
    eq(organisationMembers.status, "requested"),
  );

async function decidableRequest(
  tx: DbOrTx,
  actor: MaybeActor,
  organisationId: string,
  userId: string,
) {
  if (!isUuid(organisationId) || !isUuid(userId)) notFound();
  const [organisation] = await tx
    .select({ id: organisations.id, boardId: organisations.boardId, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation) notFound();
  authorize(canDecideWorkplaceRequests(actor, organisation));
  const [requester] = await tx
    .select({ name: users.name, email: users.email, locale: users.locale })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(pendingRequest(organisationId, userId))
    .for("update", { of: organisationMembers });
  if (!requester) notFound();
  return { organisation, requester };
}

/** The school's admins (or a platform admin) confirm that someone works there; they are told by mail. */
export async function confirmWorkplace(
  db: Db,
  actor: MaybeActor,
  organisationId: string,
  input: { userId: string },
  mail: { baseUrl: string },
) {
  await db.transaction(async (tx) => {
    const { organisation, requester } = await decidableRequest(
      tx,
      actor,
      organisationId,
      input.userId,
    );
    await markWorkplaceConfirmed(tx, organisationId, input.userId);
    await sendTemplatedMail(tx, requester, "mail.workplaceConfirmed", {
      name: requester.name,
      school: organisation.name,
      link: `${mail.baseUrl}/organisaties/${organisationId}`,
    });
  });
}

/** Declining removes the claim (the person may ask again); they are told by mail. */
export async function declineWorkplace(
  db: Db,
  actor: MaybeActor,
  organisationId: string,
  input: { userId: string },
) {
  await db.transaction(async (tx) => {
    const { organisation, requester } = await decidableRequest(
      tx,
      actor,
      organisationId,
      input.userId,
    );
    await tx.delete(organisationMembers).where(pendingRequest(organisationId, input.userId));
    await sendTemplatedMail(tx, requester, "mail.workplaceDeclined", {
      name: requester.name,
      school: organisation.name,
    });
  });
}

/**
 * Where a person works: confirmed workplaces for everyone, and to the person themselves also
 * the ones they asked for and that wait for the school.
 */
export async function listWorkplaces(db: DbOrTx, actor: Actor, userId: string) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      place: organisations.place,
      role: organisationMembers.role,
      status: organisationMembers.status,
    })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(
      and(
        eq(organisationMembers.userId, userId),
        actor.userId === userId ? undefined : confirmedWorkplace,
      ),
    )
    .orderBy(asc(organisations.name));
}
