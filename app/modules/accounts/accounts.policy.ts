import type { Actor, MaybeActor } from "#app/platform/actor.ts";

/** Profiles are for members only: signed-in people see each other, visitors see nobody. */
export function canViewProfiles(actor: MaybeActor): actor is Actor {
  return actor !== null;
}

export function canEditProfile(actor: MaybeActor, userId: string) {
  return !!actor && (actor.userId === userId || actor.isPlatformAdmin);
}

export function canReadOutbox(actor: MaybeActor) {
  return !!actor?.isPlatformAdmin;
}
