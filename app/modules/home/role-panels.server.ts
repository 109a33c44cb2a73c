import type { DbOrTx } from "#app/db/client.server.ts";
import type { Actor } from "#app/platform/actor.ts";
import {
  type LastHeldMeeting,
  lastHeldMeetings,
  type NextMeeting,
  nextMeetings,
} from "../meetings/attendance-summary.server.ts";
import { listMyNetworks, type MyNetwork } from "../memberships/my-networks.server.ts";
import { tallyMemberships } from "../memberships/open-intakes.server.ts";
import { countApplicationsToJudge } from "../networks/applications-to-judge.server.ts";
import { listCoordinatedNetworks } from "../networks/coordinated-networks.server.ts";
import { listKeptOrganisations } from "../organisations/open-workplace-requests.server.ts";
import { countSchoolSpaces, type SpaceCounts } from "../toolkit/space-counts.server.ts";

/*
 * The start page's role panels: what a person does because of a role, not as a member. Each
 * panel comes only from that person's own grants and network roles — a coordinator of programme
 * A sees nothing of B, a facilitator only the networks they guide, a school admin only the
 * schools they keep — and a person without the role gets no panel at all (not an empty one).
 * A platform admin is no role here: their queues are on their own pages.
 */

interface GuidedNetwork {
  id: string;
  name: string;
  role: "penvoerder" | "facilitator";
  status: "in-formation" | "active" | "ended";
  activeMembers: number;
  lastMeeting: Omit<LastHeldMeeting, "networkId"> | null;
  nextMeeting: Omit<NextMeeting, "networkId"> | null;
  /** intakes the guide decides on /netwerken/:id/leden */
  intakes: number;
  /** nominations the nominee has yet to answer */
  nominations: number;
}

export interface FacilitatorPanel {
  kind: "facilitator";
  networks: GuidedNetwork[];
}

interface ProgrammeGlance {
  id: string;
  name: string;
  inFormation: number;
  active: number;
  applicationsToJudge: number;
  /** networks in formation or active with no meeting planned from now on */
  withoutNextMeeting: { id: string; name: string }[];
}

export interface CoordinatorPanel {
  kind: "coordinator";
  programmes: ProgrammeGlance[];
}

interface KeptOrganisation {
  id: string;
  name: string;
  kind: "school" | "board";
  /** workplace requests to confirm on /organisaties/:id#aanvragen */
  requests: number;
  /** the toolkit at a glance; null where the person is not a member (a board's school) */
  toolkit: SpaceCounts | null;
}

export interface SchoolAdminPanel {
  kind: "school-admin";
  organisations: KeptOrganisation[];
}

export type RolePanel = FacilitatorPanel | CoordinatorPanel | SchoolAdminPanel;

async function facilitatorPanel(
  db: DbOrTx,
  actor: Actor,
  now: Date,
  myNetworks: MyNetwork[] | undefined,
): Promise<FacilitatorPanel | null> {
  const guided = (myNetworks ?? (await listMyNetworks(db, actor.userId))).filter(
    (n): n is typeof n & { role: "penvoerder" | "facilitator" } =>
      n.role !== "deelnemer" && n.status !== "ended",
  );
  if (!guided.length) return null;
  const ids = guided.map((n) => n.id);
  const [tally, last, next] = await Promise.all([
    tallyMemberships(db, ids),
    lastHeldMeetings(db, ids, now),
    nextMeetings(db, ids, now),
  ]);
  return {
    kind: "facilitator",
    networks: guided.map((network) => {
      const counts = tally.get(network.id);
      const held = last.get(network.id);
      const coming = next.get(network.id);
      return {
        id: network.id,
        name: network.name,
        role: network.role,
        status: network.status,
        activeMembers: counts?.active ?? 0,
        lastMeeting: held ? withoutNetwork(held) : null,
        nextMeeting: coming ? withoutNetwork(coming) : null,
        intakes: counts?.awaitingIntake ?? 0,
        nominations: counts?.nominated ?? 0,
      };
    }),
  };
}

function withoutNetwork<T extends { networkId: string }>({ networkId: _, ...rest }: T) {
  return rest;
}

async function coordinatorPanel(
  db: DbOrTx,
  actor: Actor,
  now: Date,
): Promise<CoordinatorPanel | null> {
  const programmes = await listCoordinatedNetworks(db, actor);
  if (!programmes.length) return null;
  const ids = programmes.flatMap((p) => p.networks.map((n) => n.id));
  const [toJudge, next] = await Promise.all([
    countApplicationsToJudge(db, actor),
    nextMeetings(db, ids, now),
  ]);
  return {
    kind: "coordinator",
    programmes: programmes.map((programme) => ({
      id: programme.id,
      name: programme.name,
      inFormation: programme.networks.filter((n) => n.status === "in-formation").length,
      active: programme.networks.filter((n) => n.status === "active").length,
      applicationsToJudge: toJudge.get(programme.id) ?? 0,
      withoutNextMeeting: programme.networks
        .filter((n) => !next.has(n.id))
        .map((n) => ({ id: n.id, name: n.name })),
    })),
  };
}

async function schoolAdminPanel(db: DbOrTx, actor: Actor): Promise<SchoolAdminPanel | null> {
  const kept = await listKeptOrganisations(db, actor);
  if (!kept.length) return null;
  const counts = await countSchoolSpaces(
    db,
    kept.filter((o) => o.ownGrant).map((o) => o.id),
  );
  return {
    kind: "school-admin",
    // A board's schools only where a request waits: a board keeps dozens of them.
    organisations: kept
      .filter((organisation) => organisation.ownGrant || organisation.requests > 0)
      .map((organisation) => ({
        id: organisation.id,
        name: organisation.name,
        kind: organisation.kind,
        requests: organisation.requests,
        toolkit: organisation.ownGrant ? (counts.get(organisation.id) ?? null) : null,
      })),
  };
}

/**
 * The panels of the roles the person holds, in a fixed order; none for a visitor. A caller that
 * has already read the person's networks (listMyNetworks) passes them, so they are not read twice.
 */
export async function loadRolePanels(
  db: DbOrTx,
  actor: Actor | null,
  options: { now?: Date; myNetworks?: MyNetwork[] } = {},
): Promise<RolePanel[]> {
  if (!actor) return [];
  const now = options.now ?? new Date();
  const panels = await Promise.all([
    facilitatorPanel(db, actor, now, options.myNetworks),
    coordinatorPanel(db, actor, now),
    schoolAdminPanel(db, actor),
  ]);
  return panels.filter((panel): panel is RolePanel => panel !== null);
}

/**
 * The decisions waiting for the person, for the start page's "Te doen" list: intakes to decide
 * per guided network, applications to judge per programme, workplace requests per school. Shaped
 * like the list's other tasks (networkName is where the task is: network, programme or school).
 */
export interface DecisionTask {
  kind: "decision";
  decision: "intakes" | "applications" | "workplace-requests";
  key: string;
  count: number;
  networkName: string;
  dueAt: null;
  path: string;
}

export function decisionTasks(panels: RolePanel[]): DecisionTask[] {
  const task = (
    decision: DecisionTask["decision"],
    id: string,
    count: number,
    networkName: string,
    path: string,
  ): DecisionTask => ({
    kind: "decision",
    decision,
    key: `${decision}-${id}`,
    count,
    networkName,
    dueAt: null,
    path,
  });
  return panels.flatMap((panel) => {
    switch (panel.kind) {
      case "facilitator":
        return panel.networks
          .filter((n) => n.intakes > 0)
          .map((n) => task("intakes", n.id, n.intakes, n.name, `/netwerken/${n.id}/leden`));
      case "coordinator":
        return panel.programmes
          .filter((p) => p.applicationsToJudge > 0)
          .map((p) => task("applications", p.id, p.applicationsToJudge, p.name, "/aanvragen"));
      case "school-admin":
        return panel.organisations
          .filter((o) => o.requests > 0)
          .map((o) =>
            task("workplace-requests", o.id, o.requests, o.name, `/organisaties/${o.id}#aanvragen`),
          );
      default:
        return [];
    }
  });
}
