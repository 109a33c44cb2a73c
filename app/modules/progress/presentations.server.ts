import { and, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import {
  enrolmentRoutes,
  networkMembers,
  networkSteps,
  stepCompletions,
  storedFiles,
} from "#app/db/schema/index.ts";
import { notFound } from "#app/platform/errors.ts";
import { storeUpload } from "#app/platform/files.server.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import type { SignedInNetwork } from "../networks/network-access.server.ts";
import { canGuideMembers, refreshCompletion } from "./completion.server.ts";
import { activeMember } from "./progress.internal.ts";

/** The member hands in (a link to, or the file of) the presentation of their learning process. */
/**
 * The file is stored here, once the member and the step are known and in the same transaction:
 * a refused or failing submission leaves no file behind; a file that is replaced is removed.
 */
export async function submitPresentation(
  db: Db,
  net: SignedInNetwork,
  input: { link: string; note: string },
  file: File | null = null,
) {
  const { actor, id: networkId } = net;
  await db.transaction(async (tx) => {
    const member = await activeMember(tx, networkId, { userId: actor.userId });
    if (!member) notFound();
    const [step] = await tx
      .select({ number: networkSteps.number })
      .from(networkSteps)
      .innerJoin(enrolmentRoutes, eq(enrolmentRoutes.networkId, networkSteps.networkId))
      .where(
        and(
          eq(networkSteps.networkId, networkId),
          eq(networkSteps.kind, "presentation"),
          eq(enrolmentRoutes.id, member.routeId ?? sql`null`),
          sql`${networkSteps.number} = any(${enrolmentRoutes.stepNumbers})`,
        ),
      );
    if (!step) notFound();
    if (!input.link && !file) throw new FieldError("link", "error.presentation.empty");
    const stored = file ? await storeUpload(tx, "file", file, actor.userId) : null;
    const [previous] = await tx
      .select({ fileId: stepCompletions.fileId })
      .from(stepCompletions)
      .where(
        and(eq(stepCompletions.memberId, member.id), eq(stepCompletions.stepNumber, step.number)),
      );
    const fileId = stored?.id ?? null;
    await tx
      .insert(stepCompletions)
      .values({ memberId: member.id, stepNumber: step.number, ...input, fileId })
      .onConflictDoUpdate({
        target: [stepCompletions.memberId, stepCompletions.stepNumber],
        set: { link: input.link, note: input.note, fileId, completedAt: new Date() },
      });
    if (previous?.fileId && previous.fileId !== fileId)
      await tx.delete(storedFiles).where(eq(storedFiles.id, previous.fileId));
    await refreshCompletion(tx, networkId, [member.id]);
  });
}

/** Whether the actor may download the presentation file: its owner and the guides of its network. */
export async function presentationFileAccess(db: DbOrTx, net: SignedInNetwork, fileId: string) {
  if (!isUuid(fileId)) notFound();
  const { access, actor, id: networkId } = net;
  const [row] = await db
    .select({ userId: networkMembers.userId })
    .from(stepCompletions)
    .innerJoin(networkMembers, eq(networkMembers.id, stepCompletions.memberId))
    .where(and(eq(stepCompletions.fileId, fileId), eq(networkMembers.networkId, networkId)));
  if (!row || !(row.userId === actor.userId || canGuideMembers(access))) notFound();
}
