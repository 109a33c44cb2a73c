import { and, count, eq } from "drizzle-orm";
import type { Db } from "#app/db/client.server.ts";
import { enrolmentRoutes, networkSteps } from "#app/db/schema/index.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import type { SignedInNetwork } from "./network-access.server.ts";
import { canManageNetwork } from "./networks.policy.ts";
import type { RouteInput } from "./networks.schema.ts";

export type StepKind = (typeof networkSteps.$inferSelect)["kind"];

/** How a step is done, read from its title (the same rule the 0005 migration applied). */
export function stepKindFor(title: string): StepKind {
  const lower = title.toLowerCase();
  if (lower.includes("intake")) return "intake";
  if (lower.includes("ontwikkelgesprek")) return "development";
  if (lower.includes("afrondend gesprek") || lower.includes("eindgesprek")) return "closing";
  if (lower.includes("presentatie")) return "presentation";
  if (lower.includes("aanmelden")) return "enrol";
  if (lower.includes("bijeenkomst")) return "meetings";
  return "other";
}

/** Replaces the numbered step list; routes keep the numbers they refer to. */
export async function saveSteps(db: Db, net: SignedInNetwork, titles: string[]) {
  authorize(canManageNetwork(net.actor, net.access));
  const networkId = net.id;
  await db.transaction(async (tx) => {
    await tx.delete(networkSteps).where(eq(networkSteps.networkId, networkId));
    if (titles.length) {
      await tx
        .insert(networkSteps)
        .values(
          titles.map((title, i) => ({ networkId, number: i + 1, title, kind: stepKindFor(title) })),
        );
    }
  });
}

export async function saveRoute(
  db: Db,
  net: SignedInNetwork,
  routeId: string | null,
  input: RouteInput,
) {
  authorize(canManageNetwork(net.actor, net.access));
  const networkId = net.id;
  await db.transaction(async (tx) => {
    const stepCount = await tx
      .select({ n: count() })
      .from(networkSteps)
      .where(eq(networkSteps.networkId, networkId));
    if (input.stepNumbers.some((n) => n > (stepCount[0]?.n ?? 0)))
      throw new FieldError("stepNumbers", "error.route.steps");
    if (
      input.secondPersonPrice !== null &&
      input.price !== null &&
      input.secondPersonPrice > input.price
    ) {
      throw new FieldError("secondPersonPrice", "error.route.secondAbovePrice");
    }
    const values = {
      name: input.name,
      priceCents: input.price ?? 0,
      secondPersonPriceCents: input.secondPersonPrice,
      includes: input.includes,
      extraCosts: input.extraCosts,
      vatExempt: input.vatExempt,
      stepNumbers: [...new Set(input.stepNumbers)].sort((a, b) => a - b),
      minMeetings: input.minMeetings,
      requiresAllSteps: input.requiresAllSteps,
      registerPoints: input.registerPoints,
      registerThemes: input.registerThemes,
    };
    if (routeId) {
      if (!isUuid(routeId)) notFound();
      const updated = await tx
        .update(enrolmentRoutes)
        .set(values)
        .where(and(eq(enrolmentRoutes.id, routeId), eq(enrolmentRoutes.networkId, networkId)))
        .returning({ id: enrolmentRoutes.id });
      if (!updated.length) notFound();
    } else {
      const [position] = await tx
        .select({ n: count() })
        .from(enrolmentRoutes)
        .where(eq(enrolmentRoutes.networkId, networkId));
      await tx.insert(enrolmentRoutes).values({ ...values, networkId, position: position?.n ?? 0 });
    }
  });
}

export async function deleteRoute(db: Db, net: SignedInNetwork, routeId: string) {
  authorize(canManageNetwork(net.actor, net.access));
  if (!isUuid(routeId)) notFound();
  await db
    .delete(enrolmentRoutes)
    .where(and(eq(enrolmentRoutes.id, routeId), eq(enrolmentRoutes.networkId, net.id)));
}
