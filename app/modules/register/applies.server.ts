import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "#app/db/client.server.ts";
import { users } from "#app/db/schema/index.ts";

/** The functions the Schoolleidersregister is for: they see Herregistratie before their first point. */
const schoolLeaderFunctions = [
  "schoolleider",
  "teamleider",
  "afdelingsleider",
  "bestuurder",
] as const;

/**
 * Whether re-registration is something for this person: a school leader by function, or anyone
 * who started a cycle or holds a certificate (a teacher's certificate is downloaded there too).
 * Asked on every page for the menu: one row by primary key, two probes on indexed user ids.
 */
export async function registerApplies(db: DbOrTx, userId: string): Promise<boolean> {
  const leaders = sql.join(
    schoolLeaderFunctions.map((f) => sql`${f}`),
    sql`, `,
  );
  // Written out with table names: drizzle leaves columns in a select's own expressions
  // unqualified, and "id" inside the subqueries would be the subquery's own.
  const [row] = await db
    .select({
      applies: sql<boolean>`("users"."job_function" in (${leaders})
        or exists (select 1 from "register_profiles" p where p."user_id" = "users"."id")
        or exists (select 1 from "certificates" c where c."user_id" = "users"."id"))`,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row?.applies === true;
}
