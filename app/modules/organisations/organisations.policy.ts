import { type Actor, hasGrant, type MaybeActor } from "#app/platform/actor.ts";

export interface OrganisationRef {
  id: string;
  boardId: string | null;
}

/** Who works where is member information: signed-in members only. */
export function canViewOrganisationPeople(actor: MaybeActor): actor is Actor {
  return actor !== null;
}

/** The school's own admins, the admins of its board, and platform admins. */
export function canEditOrganisation(actor: MaybeActor, organisation: OrganisationRef) {
  if (!actor) return false;
  if (actor.isPlatformAdmin) return true;
  if (hasGrant(actor, "organisation-admin", organisation.id)) return true;
  return !!organisation.boardId && hasGrant(actor, "organisation-admin", organisation.boardId);
}

/**
 * Who confirms or declines that someone works at a school: whoever keeps the school (its admins,
 * its board's admins, platform admins). A claimant never confirms their own claim, since a claim
 * carries no grant.
 */
export function canDecideWorkplaceRequests(actor: MaybeActor, organisation: OrganisationRef) {
  return canEditOrganisation(actor, organisation);
}

/**
 * Which institution domains confirm workplaces at a school through SSO: whoever may confirm a
 * workplace by hand (the school's admins, its board's admins, platform admins), since a mapped
 * domain does exactly that for every login from it.
 */
export function canManageLoginDomains(actor: MaybeActor, organisation: OrganisationRef) {
  return canDecideWorkplaceRequests(actor, organisation);
}

/** Only platform admins may move a school under another board. */
export function canChangeBoard(actor: MaybeActor) {
  return !!actor?.isPlatformAdmin;
}

/** New schools and boards are added by platform admins (schools ask them; BRIN keeps them unique). */
export function canCreateOrganisation(actor: MaybeActor) {
  return !!actor?.isPlatformAdmin;
}
