export interface AgendaMeeting {
  id: string;
  number: number;
  heldOn: string | null;
}

export interface AgendaInitiative {
  id: string;
  name: string;
  /** rounded off on this day; nothing is suggested for it after that */
  completedOn: string | null;
}

export const agendaColumns = ["plannen", "informeren", "ervaringen"] as const;
export type AgendaColumn = (typeof agendaColumns)[number];
/** What a section can decide for an initiative at a meeting: a column, or off this meeting. */
export type AgendaDecision = AgendaColumn | "geschrapt";

export interface AgendaEntry {
  meetingId: string;
  initiativeId: string;
  column: AgendaDecision;
}

interface AgendaItem {
  initiativeId: string;
  name: string;
  /** proposed by the rule and not yet accepted, moved or removed by the section */
  suggested: boolean;
}

/**
 * Chapter 3 describes how the English section plans: an initiative whose plan is discussed
 * ("plannen bespreken") comes back at the next meeting to inform ("tussentijds informeren"), and
 * then stays on to exchange experiences ("ervaringen uitwisselen") until it is rounded off. That is
 * a suggestion, not a law: figure 3.3 is a plan the section made and deviates from it. So the rule
 * only proposes; what the section decided for a meeting is kept as it decided it.
 */
function suggestedNext(column: AgendaColumn): AgendaColumn {
  return column === "plannen" ? "informeren" : "ervaringen";
}

export function yearAgenda(
  meetings: AgendaMeeting[],
  initiatives: AgendaInitiative[],
  entries: AgendaEntry[],
) {
  const byId = new Map(initiatives.map((i) => [i.id, i]));
  // What each initiative was at the previous meeting, decided or suggested.
  let previous = new Map<string, AgendaColumn>();
  return [...meetings]
    .sort((a, b) => a.number - b.number)
    .map((meeting) => {
      const decided = new Map(
        entries.filter((e) => e.meetingId === meeting.id).map((e) => [e.initiativeId, e.column]),
      );
      const current = new Map<string, { column: AgendaColumn; suggested: boolean }>();
      for (const [initiativeId, column] of decided) {
        if (column !== "geschrapt") current.set(initiativeId, { column, suggested: false });
      }
      for (const [initiativeId, column] of previous) {
        if (decided.has(initiativeId)) continue;
        const completedOn = byId.get(initiativeId)?.completedOn;
        if (completedOn && (!meeting.heldOn || meeting.heldOn > completedOn)) continue;
        current.set(initiativeId, { column: suggestedNext(column), suggested: true });
      }
      const columns: Record<AgendaColumn, AgendaItem[]> = {
        plannen: [],
        informeren: [],
        ervaringen: [],
      };
      for (const [initiativeId, { column, suggested }] of current) {
        const initiative = byId.get(initiativeId);
        if (initiative) columns[column].push({ initiativeId, name: initiative.name, suggested });
      }
      for (const column of agendaColumns) {
        columns[column].sort((a, b) => a.name.localeCompare(b.name, "nl"));
      }
      previous = new Map([...current].map(([id, item]) => [id, item.column]));
      return { meeting, columns };
    });
}
