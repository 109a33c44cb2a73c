import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import { users } from "#app/db/schema/index.ts";
import type { Actor } from "#app/platform/actor.ts";
import { FieldError } from "#app/platform/forms.ts";
import type { ProfileInput } from "../accounts/accounts.schema.ts";
import { verifyEmail } from "../accounts/accounts.server.ts";
import { getProfile, updateProfile } from "../accounts/profile.server.ts";
import { listNetworksThatFit } from "../networks/networks-that-fit.server.ts";
import { listOrganisationsByIds } from "../organisations/organisations.server.ts";
import { sectorsAndRegionsOf } from "../organisations/school-lookup.server.ts";
import { listWorkplaces, setWorkplaces } from "../organisations/workplaces.server.ts";
import { type OnboardingStep, onboardingSteps } from "./onboarding.schema.ts";

const isStep = (value: string | null): value is OnboardingStep =>
  onboardingSteps.includes(value as OnboardingStep);

/** Where the person's welcome stands; null once finished or skipped (and for older accounts). */
export async function onboardingStepOf(db: DbOrTx, userId: string): Promise<OnboardingStep | null> {
  const [row] = await db
    .select({ step: users.onboardingStep })
    .from(users)
    .where(eq(users.id, userId));
  return row && isStep(row.step) ? row.step : null;
}

/**
 * The link in the verification mail. Only the link that proves a new account's address starts
 * its welcome (and lets the caller sign the person in); a link for an address proven some other
 * way only confirms. Null when the link is unknown, used or expired.
 */
export async function confirmNewAccount(db: Db, token: string, browserToken: string | null) {
  const verified = await verifyEmail(db, token, browserToken);
  if (!verified) return null;
  if (verified.firstProof) {
    await db
      .update(users)
      .set({ onboardingStep: onboardingSteps[0] })
      .where(and(eq(users.id, verified.userId), isNull(users.onboardingStep)));
  }
  return verified;
}

/**
 * On to the step after `from`, or done after the last. A finished welcome stays finished: a
 * form posted from an old tab saves what it says but does not start the welcome again.
 */
async function moveOn(tx: DbOrTx, userId: string, from: OnboardingStep) {
  const next = onboardingSteps[onboardingSteps.indexOf(from) + 1] ?? null;
  await tx
    .update(users)
    .set({ onboardingStep: next })
    .where(and(eq(users.id, userId), isNotNull(users.onboardingStep)));
  return next;
}

export async function skipStep(db: DbOrTx, actor: Actor, step: OnboardingStep) {
  return moveOn(db, actor.userId, step);
}

/** "Sla alles over" and "Klaar": no welcome any more. */
export async function endOnboarding(db: DbOrTx, actor: Actor) {
  await db.update(users).set({ onboardingStep: null }).where(eq(users.id, actor.userId));
}

type JobFunction = ProfileInput["jobFunction"];

/**
 * The profile's own update with only some fields changed, the rest as they are now. A function
 * never chosen stays empty (the column allows it; only the profile form insists on one).
 */
async function updateOwnProfile(
  tx: DbOrTx,
  actor: Actor,
  change: Partial<{
    jobFunction: JobFunction;
    jobFunctionOther: string;
    regionId: string;
    expertise: string[];
  }>,
) {
  const current = await getProfile(tx, actor, actor.userId);
  await updateProfile(tx, actor, actor.userId, {
    name: current.name,
    bio: current.bio,
    jobFunction: change.jobFunction ?? (current.jobFunction as JobFunction),
    jobFunctionOther: change.jobFunctionOther ?? current.jobFunctionOther ?? "",
    regionId: change.regionId ?? current.regionId ?? "",
    // Stored tags are matched in lower case (updateProfile), as the profile form sends them.
    expertise: change.expertise ?? current.expertise.map((tag) => tag.toLocaleLowerCase("nl")),
  });
}

/** Step 1: the person's function (as on the profile) and region. */
export async function saveFunctionStep(
  db: Db,
  actor: Actor,
  input: {
    jobFunction: JobFunction;
    jobFunctionOther: string;
    regionId: string;
  },
) {
  return db.transaction(async (tx) => {
    await updateOwnProfile(tx, actor, input);
    return moveOn(tx, actor.userId, "function");
  });
}

/** A person names at most this many workplaces (the profile's limit). */
const maxWorkplaces = 5;

/**
 * Step 2: the school they work at becomes a request, exactly as ticking it on the profile does:
 * its admins are mailed and confirm or decline it; nothing is granted here.
 */
export async function claimSchoolStep(
  db: Db,
  actor: Actor,
  organisationId: string,
  mail: { baseUrl: string },
) {
  return db.transaction(async (tx) => {
    const [school] = await listOrganisationsByIds(tx, [organisationId]);
    if (school?.kind !== "school") {
      throw new FieldError("organisationId", "error.welcome.school.choose");
    }
    const current = (await listWorkplaces(tx, actor, actor.userId)).map((w) => w.id);
    if (!current.includes(organisationId)) {
      if (current.length >= maxWorkplaces) {
        throw new FieldError("organisationId", "error.welcome.school.tooMany");
      }
      await setWorkplaces(tx, actor.userId, [...current, organisationId], mail);
    }
    return moveOn(tx, actor.userId, "school");
  });
}

/** Step 3: what they know, as the profile's expertise tags. */
export async function saveExpertiseStep(db: Db, actor: Actor, expertise: string[]) {
  return db.transaction(async (tx) => {
    await updateOwnProfile(tx, actor, { expertise });
    return moveOn(tx, actor.userId, "expertise");
  });
}

/**
 * Step 4: networks that fit what the person told so far — their schools' sectors, their region
 * and their schools', their expertise as themes and their function.
 */
export async function welcomeNetworks(db: DbOrTx, actor: Actor) {
  const [profile, workplaces] = await Promise.all([
    getProfile(db, actor, actor.userId),
    listWorkplaces(db, actor, actor.userId),
  ]);
  const schools = await sectorsAndRegionsOf(
    db,
    workplaces.map((w) => w.id),
  );
  const networks = await listNetworksThatFit(db, actor.userId, {
    sectors: schools.sectors,
    regionIds: [...(profile.regionId ? [profile.regionId] : []), ...schools.regionIds],
    themes: profile.expertise,
    jobFunction: profile.jobFunction,
  });
  return { networks, told: { schools: workplaces.length, expertise: profile.expertise.length } };
}
