import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { log } from "#app/core/logger.server.ts";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import { organisationLoginDomains, organisations, userIdentities } from "#app/db/schema/index.ts";
import type { MaybeActor } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import { canManageLoginDomains } from "./organisations.policy.ts";

const hostname =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** "School.NL." and " school.nl" are the domain "school.nl"; anything else that is no host name is refused. */
function normalise(domain: string) {
  const value = domain.trim().toLowerCase().replace(/^@/, "").replace(/\.$/, "");
  if (!hostname.test(value)) throw new FieldError("domain", "error.loginDomain.invalid");
  return value;
}

/**
 * Domains that name no one school: consumer mail and the federations' and Microsoft's shared
 * domains. Mapping one would make every login from it a workplace at the school that claimed it.
 */
const sharedDomains = [
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "hotmail.nl",
  "live.nl",
  "live.com",
  "msn.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "yahoo.com",
  "ziggo.nl",
  "kpnmail.nl",
  "kpnplanet.nl",
  "planet.nl",
  "hetnet.nl",
  "xs4all.nl",
  "home.nl",
  "casema.nl",
  "chello.nl",
  "upcmail.nl",
  "telfort.nl",
  "tele2.nl",
  "online.nl",
  "proton.me",
  "protonmail.com",
  "surfnet.nl",
  "surf.nl",
  "surfconext.nl",
  "kennisnet.nl",
  "entree.kennisnet.nl",
  "onmicrosoft.com",
  "google.com",
  "microsoft.com",
];

/** The domain or one of its parents is shared (any *.onmicrosoft.com is a tenant's default). */
function isSharedDomain(domain: string) {
  return sharedDomains.some((shared) => domain === shared || domain.endsWith(`.${shared}`));
}

async function managedOrganisation(db: DbOrTx, actor: MaybeActor, organisationId: string) {
  if (!isUuid(organisationId)) notFound();
  const [organisation] = await db
    .select({ id: organisations.id, boardId: organisations.boardId })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!organisation) notFound();
  authorize(canManageLoginDomains(actor, organisation));
  return organisation;
}

/** The institution domains whose logins confirm a workplace at this school. */
export async function listLoginDomains(db: DbOrTx, actor: MaybeActor, organisationId: string) {
  await managedOrganisation(db, actor, organisationId);
  return db
    .select({
      domain: organisationLoginDomains.domain,
      createdAt: organisationLoginDomains.createdAt,
    })
    .from(organisationLoginDomains)
    .where(eq(organisationLoginDomains.organisationId, organisationId))
    .orderBy(asc(organisationLoginDomains.domain));
}

/**
 * From now on an SSO login whose home organisation (SURFconext's schac_home_organization, an
 * Entra or Google Workspace domain) is this domain confirms the workplace here of its staff.
 * A school admin may claim only a domain they have logged in from themselves (one of their linked
 * provider logins names it), so nobody claims another institution's people; a platform admin may
 * map any domain, and moves it from one school to another. Shared domains are refused for everyone.
 */
export async function mapLoginDomain(
  db: Db,
  actor: MaybeActor,
  organisationId: string,
  domain: string,
) {
  await managedOrganisation(db, actor, organisationId);
  const value = normalise(domain);
  if (isSharedDomain(value)) throw new FieldError("domain", "error.loginDomain.shared");
  if (!actor?.isPlatformAdmin) {
    const [own] = await db
      .select({ id: userIdentities.id })
      .from(userIdentities)
      .where(
        and(
          eq(userIdentities.userId, actor?.userId ?? ""),
          eq(userIdentities.homeOrganisation, value),
        ),
      )
      .limit(1);
    if (!own) throw new FieldError("domain", "error.loginDomain.notYours");
  }
  const inserted = await db
    .insert(organisationLoginDomains)
    .values({ domain: value, organisationId })
    .onConflictDoNothing()
    .returning({ organisationId: organisationLoginDomains.organisationId });
  if (inserted.length) return { domain: value };
  const [existing] = await db
    .select({ organisationId: organisationLoginDomains.organisationId })
    .from(organisationLoginDomains)
    .where(eq(organisationLoginDomains.domain, value));
  if (existing?.organisationId === organisationId) return { domain: value };
  if (!actor?.isPlatformAdmin) throw new FieldError("domain", "error.loginDomain.taken");
  await db
    .update(organisationLoginDomains)
    .set({ organisationId })
    .where(eq(organisationLoginDomains.domain, value));
  log.info("login_domain.moved", { domain: value, to: organisationId, by: actor.userId });
  return { domain: value };
}

/** Later logins from the domain no longer confirm anything; workplaces already confirmed stay. */
export async function unmapLoginDomain(
  db: Db,
  actor: MaybeActor,
  organisationId: string,
  domain: string,
) {
  await managedOrganisation(db, actor, organisationId);
  const removed = await db
    .delete(organisationLoginDomains)
    .where(
      and(
        eq(organisationLoginDomains.organisationId, organisationId),
        eq(organisationLoginDomains.domain, domain.trim().toLowerCase()),
      ),
    )
    .returning({ domain: organisationLoginDomains.domain });
  if (!removed.length) notFound();
}

/**
 * The school a login names: by BRIN (its own code, else the first four characters: the institution) or by a mapped
 * domain. Null when no school has it — the person then picks their school and it stays a request.
 */
export async function findOrganisationForLogin(
  db: DbOrTx,
  home: { kind: "brin" | "domain"; value: string },
) {
  if (home.kind === "brin") {
    // A six-character code is a location of the institution with the first four; a school kept
    // here under the location's own code is found first.
    const code = home.value.toUpperCase();
    const rows = await db
      .select({ id: organisations.id, brin: organisations.brin })
      .from(organisations)
      .where(inArray(sql`upper(${organisations.brin})`, [...new Set([code, code.slice(0, 4)])]));
    const exact = rows.find((row) => row.brin?.toUpperCase() === code);
    return (exact ?? rows[0])?.id ?? null;
  }
  const [row] = await db
    .select({ id: organisationLoginDomains.organisationId })
    .from(organisationLoginDomains)
    .where(eq(organisationLoginDomains.domain, home.value.toLowerCase()));
  return row?.id ?? null;
}
