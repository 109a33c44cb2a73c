export interface AgendaMeeting {
  id: string;
  number: number;
  heldOn: string | null;
}

export interface AgendaInitiative {
  id: string;
  name: string;
  /** the meeting number where its plan is discussed (column 1) */
  plannedAt: number;
  /** rounded off on this day; it leaves the agenda after that */
  completedOn: string | null;
}

export type AgendaColumn = "plannen" | "informeren" | "ervaringen";

/**
 * Figure 3.3: an initiative discussed in column 1 ("plannen bespreken") moves by itself to
 * column 2 ("tussentijds informeren") for the next meeting, then stays in column 3
 * ("ervaringen uitwisselen") until it is rounded off.
 */
export function columnFor(
  meeting: AgendaMeeting,
  initiative: AgendaInitiative,
): AgendaColumn | null {
  if (meeting.number < initiative.plannedAt) return null;
  if (meeting.number === initiative.plannedAt) return "plannen";
  if (initiative.completedOn && meeting.heldOn && meeting.heldOn > initiative.completedOn)
    return null;
  return meeting.number === initiative.plannedAt + 1 ? "informeren" : "ervaringen";
}

export function yearAgenda(meetings: AgendaMeeting[], initiatives: AgendaInitiative[]) {
  return [...meetings]
    .sort((a, b) => a.number - b.number)
    .map((meeting) => {
      const columns: Record<AgendaColumn, string[]> = {
        plannen: [],
        informeren: [],
        ervaringen: [],
      };
      for (const initiative of initiatives) {
        const column = columnFor(meeting, initiative);
        if (column) columns[column].push(initiative.name);
      }
      return { meeting, columns };
    });
}
