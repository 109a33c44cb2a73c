import { and, asc, eq, inArray, max } from "drizzle-orm";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import { agendaChores, agendaMeetings, agendaPlans, initiatives } from "#app/db/schema/index.ts";
import { notFound } from "#app/platform/errors.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import type { AuthorizedSpace } from "./space-access.server.ts";
import { inSpace, type SpaceRef } from "./toolkit.internal.ts";
import { type AgendaDecision, yearAgenda } from "./year-agenda.ts";

/** The year agenda of one section or team (figure 3.3): what it decided, and what the rule proposes. */
export async function getYearAgenda(
  db: DbOrTx,
  space: AuthorizedSpace,
  body: string,
  schoolYear: string,
) {
  const meetings = await db
    .select()
    .from(agendaMeetings)
    .where(
      and(
        inSpace(agendaMeetings, space),
        eq(agendaMeetings.body, body),
        eq(agendaMeetings.schoolYear, schoolYear),
      ),
    )
    .orderBy(asc(agendaMeetings.number));
  const meetingIds = meetings.map((m) => m.id);
  const entries = meetingIds.length
    ? await db
        .select({
          meetingId: agendaPlans.meetingId,
          initiativeId: agendaPlans.initiativeId,
          column: agendaPlans.column,
        })
        .from(agendaPlans)
        .where(inArray(agendaPlans.meetingId, meetingIds))
    : [];
  const chores = meetingIds.length
    ? await db.select().from(agendaChores).where(inArray(agendaChores.meetingId, meetingIds))
    : [];
  const spaceInitiatives = await db
    .select({ id: initiatives.id, name: initiatives.name, completedAt: initiatives.completedAt })
    .from(initiatives)
    .where(inSpace(initiatives, space));
  const rows = yearAgenda(
    meetings.map((m) => ({ id: m.id, number: m.number, heldOn: m.heldOn })),
    spaceInitiatives.map((i) => ({
      id: i.id,
      name: i.name,
      completedOn: i.completedAt ? i.completedAt.toISOString().slice(0, 10) : null,
    })),
    entries,
  );
  const bodies = await db
    .selectDistinct({ body: agendaMeetings.body, schoolYear: agendaMeetings.schoolYear })
    .from(agendaMeetings)
    .where(inSpace(agendaMeetings, space))
    .orderBy(asc(agendaMeetings.body));
  const open = spaceInitiatives
    .filter((i) => !i.completedAt)
    .map(({ id, name }) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, "nl"));
  return {
    rows: rows.map((row) => ({
      ...row,
      chores: chores.filter((c) => c.meetingId === row.meeting.id).map((c) => c.text),
    })),
    bodies,
    openInitiatives: open,
  };
}

/**
 * Authorise before validating: everyone in the space keeps its year agenda. A decision or a chore
 * is about one of the space's meetings, whose id the form carries: any other id is unknown (404).
 */
export async function requireAgendaMeeting(db: DbOrTx, space: AuthorizedSpace, meetingId: string) {
  if (!isUuid(meetingId)) notFound();
  const [meeting] = await db
    .select({ id: agendaMeetings.id })
    .from(agendaMeetings)
    .where(and(eq(agendaMeetings.id, meetingId), inSpace(agendaMeetings, space)));
  if (!meeting) notFound();
}

export async function addAgendaMeeting(
  db: Db,
  space: AuthorizedSpace,
  input: { body: string; schoolYear: string; heldOn: string | null },
) {
  return db.transaction(async (tx) => {
    const [last] = await tx
      .select({ number: max(agendaMeetings.number) })
      .from(agendaMeetings)
      .where(
        and(
          inSpace(agendaMeetings, space),
          eq(agendaMeetings.body, input.body),
          eq(agendaMeetings.schoolYear, input.schoolYear),
        ),
      );
    const [row] = await tx
      .insert(agendaMeetings)
      .values({
        spaceKind: space.kind,
        spaceId: space.id,
        ...input,
        number: (last?.number ?? 0) + 1,
      })
      .returning({ id: agendaMeetings.id });
    return row?.id ?? "";
  });
}

async function loadAgendaMeeting(tx: DbOrTx, space: SpaceRef, meetingId: string) {
  if (!isUuid(meetingId)) throw new FieldError("meetingId", "error.toolkit.meeting");
  const [meeting] = await tx
    .select()
    .from(agendaMeetings)
    .where(and(eq(agendaMeetings.id, meetingId), inSpace(agendaMeetings, space)));
  if (!meeting) throw new FieldError("meetingId", "error.toolkit.meeting");
  return meeting;
}

async function loadSpaceInitiative(tx: DbOrTx, space: SpaceRef, initiativeId: string) {
  if (!isUuid(initiativeId)) throw new FieldError("initiativeId", "error.toolkit.initiative");
  const [initiative] = await tx
    .select({ id: initiatives.id })
    .from(initiatives)
    .where(and(eq(initiatives.id, initiativeId), inSpace(initiatives, space)));
  if (!initiative) throw new FieldError("initiativeId", "error.toolkit.initiative");
  return initiative;
}

/**
 * The section decides where an initiative stands at one meeting: it accepts the suggestion,
 * moves it to another column, or takes it off ("geschrapt"). Deciding again replaces it.
 */
export async function decideOnAgenda(
  db: Db,
  space: AuthorizedSpace,
  input: { meetingId: string; initiativeId: string; column: AgendaDecision },
) {
  await db.transaction(async (tx) => {
    const meeting = await loadAgendaMeeting(tx, space, input.meetingId);
    const initiative = await loadSpaceInitiative(tx, space, input.initiativeId);
    if (input.column === "plannen") {
      // A plan is discussed once per section and year: planning it again moves that discussion.
      const sameBody = await tx
        .select({ id: agendaMeetings.id })
        .from(agendaMeetings)
        .where(
          and(
            inSpace(agendaMeetings, space),
            eq(agendaMeetings.body, meeting.body),
            eq(agendaMeetings.schoolYear, meeting.schoolYear),
          ),
        );
      await tx.delete(agendaPlans).where(
        and(
          eq(agendaPlans.initiativeId, initiative.id),
          eq(agendaPlans.column, "plannen"),
          inArray(
            agendaPlans.meetingId,
            sameBody.map((m) => m.id),
          ),
        ),
      );
    }
    await tx
      .insert(agendaPlans)
      .values({ meetingId: meeting.id, initiativeId: initiative.id, column: input.column })
      .onConflictDoUpdate({
        target: [agendaPlans.meetingId, agendaPlans.initiativeId],
        set: { column: input.column },
      });
  });
}

export async function addChore(db: Db, space: AuthorizedSpace, meetingId: string, text: string) {
  await db.transaction(async (tx) => {
    const meeting = await loadAgendaMeeting(tx, space, meetingId);
    await tx.insert(agendaChores).values({ meetingId: meeting.id, text });
  });
}
