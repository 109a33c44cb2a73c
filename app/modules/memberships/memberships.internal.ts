import { and, count, eq, inArray, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { networkMembers, waitingList } from "#app/db/schema/index.ts";

export interface MailContext {
  baseUrl: string;
}

export async function colleagueEnrolled(
  db: DbOrTx,
  networkId: string,
  organisationId: string | null,
  userId: string,
) {
  if (!organisationId) return false;
  const [row] = await db
    .select({ n: count() })
    .from(networkMembers)
    .where(
      and(
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.organisationId, organisationId),
        ne(networkMembers.userId, userId),
        inArray(networkMembers.status, ["active", "awaiting-intake"]),
      ),
    );
  return (row?.n ?? 0) > 0;
}

/** 1-based place in line, compared in the database (JS dates would drop the microseconds). */
export async function waitingPosition(db: DbOrTx, networkId: string, entryId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(waitingList)
    .where(
      and(
        eq(waitingList.networkId, networkId),
        inArray(waitingList.status, ["waiting", "offered"]),
        sql`(${waitingList.createdAt}, ${waitingList.id}) <= (select created_at, id from waiting_list where id = ${entryId})`,
      ),
    );
  return row?.n ?? 1;
}

export async function countPenvoerders(tx: DbOrTx, networkId: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(networkMembers)
    .where(
      and(
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.status, "active"),
        eq(networkMembers.role, "penvoerder"),
      ),
    );
  return row?.n ?? 0;
}
