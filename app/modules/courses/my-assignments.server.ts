import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { assignments, networkMembers, networks, submissions } from "#app/db/schema/index.ts";

/**
 * Assignments the person has still to hand in: in courses they take part in now (deelnemer, active),
 * not yet submitted, due from today on. An overdue one stays in the course's own list.
 */
export async function myOpenAssignments(db: DbOrTx, userId: string, now = new Date()) {
  const rows = await db
    .select({
      id: assignments.id,
      title: assignments.title,
      dueAt: assignments.dueAt,
      networkId: networks.id,
      networkName: networks.name,
    })
    .from(networkMembers)
    .innerJoin(assignments, eq(assignments.networkId, networkMembers.networkId))
    .innerJoin(networks, eq(networks.id, networkMembers.networkId))
    .leftJoin(
      submissions,
      and(eq(submissions.assignmentId, assignments.id), eq(submissions.userId, userId)),
    )
    .where(
      and(
        eq(networkMembers.userId, userId),
        eq(networkMembers.status, "active"),
        eq(networkMembers.role, "deelnemer"),
        gt(assignments.dueAt, now),
        isNull(submissions.id),
      ),
    )
    .orderBy(asc(assignments.dueAt));
  return rows.map((row) => ({
    ...row,
    path: `/netwerken/${row.networkId}/leergang/opdrachten/${row.id}`,
  }));
}
