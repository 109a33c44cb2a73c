import type { DbOrTx } from "#app/db/client.server.ts";
import type { Actor } from "#app/platform/actor.ts";
import { myOpenAssignments } from "../courses/my-assignments.server.ts";
import { unreadTopicCounts } from "../discussion/unread.server.ts";
import { mySurveysToAnswer } from "../evaluation/my-surveys.server.ts";
import { myNextMeeting } from "../meetings/my-next-meeting.server.ts";
import { listMyNetworks } from "../memberships/my-networks.server.ts";
import { myOpenOffers } from "../memberships/my-offers.server.ts";
import { listWorkplaces } from "../organisations/workplaces.server.ts";
import { myNextBuddyMeeting } from "../peergroups/my-buddy-meeting.server.ts";
import { mySlotChoices } from "../progress/my-slot-choices.server.ts";
import { myCertificates } from "../register/certificates.server.ts";
import { requiredPoints } from "../register/cycle.ts";
import { getMyRegister } from "../register/ledger.server.ts";
import { type DecisionTask, decisionTasks, loadRolePanels } from "./role-panels.server.ts";

/** One open task on the start page, with the date it must be done by where there is one. */
export type StartTask =
  /** an intake, an application or a workplace request that waits for this person (role panels) */
  | DecisionTask
  | {
      kind: "slot";
      key: string;
      conversation: "intake" | "development" | "closing";
      networkName: string;
      dueAt: Date | null;
      path: string;
    }
  | {
      kind: "assignment";
      key: string;
      title: string;
      networkName: string;
      dueAt: Date;
      path: string;
    }
  | {
      kind: "survey";
      key: string;
      surveyId: string;
      title: string;
      networkName: string;
      dueAt: null;
    }
  | { kind: "offer"; key: string; networkName: string; dueAt: Date | null; path: string };

/**
 * My networks with what is new in each, and the panels of my roles, which start from the same
 * networks: one read of them, then one grouped unread count (never a query per network).
 */
async function myNetworksAndPanels(db: DbOrTx, actor: Actor, now: Date) {
  const mine = await listMyNetworks(db, actor.userId);
  const [unread, panels] = await Promise.all([
    unreadTopicCounts(
      db,
      actor.userId,
      mine.map((n) => n.id),
    ),
    loadRolePanels(db, actor, { now, myNetworks: mine }),
  ]);
  const networks = mine.map((network) => ({
    id: network.id,
    name: network.name,
    role: network.role,
    unreadTopics: unread.get(network.id) ?? 0,
  }));
  return { networks, panels };
}

/** Points only for someone with a register cycle: for everyone else the block does not apply. */
async function myPoints(db: DbOrTx, actor: Actor) {
  const register = await getMyRegister(db, actor);
  if (!register.cycle) return null;
  return {
    points: register.points,
    required: requiredPoints,
    needed: register.needed,
    due: register.cycle.due,
    status: register.status,
  };
}

/**
 * Everything the personal start page shows, all of it the person's own: one round of indexed
 * queries in parallel (the next meeting's details and the unread counts follow their first row).
 */
export async function loadStartPage(db: DbOrTx, actor: Actor, now = new Date()) {
  const userId = actor.userId;
  const [
    nextMeeting,
    { networks, panels },
    slots,
    assignments,
    surveys,
    offers,
    buddyMeeting,
    points,
    certificates,
    workplaces,
  ] = await Promise.all([
    myNextMeeting(db, userId, now),
    myNetworksAndPanels(db, actor, now),
    mySlotChoices(db, userId, now),
    myOpenAssignments(db, userId, now),
    mySurveysToAnswer(db, userId),
    myOpenOffers(db, userId, now),
    myNextBuddyMeeting(db, userId, now),
    myPoints(db, actor),
    myCertificates(db, actor),
    listWorkplaces(db, actor, userId),
  ]);
  const tasks: StartTask[] = [
    ...slots.map((s) => ({
      kind: "slot" as const,
      key: `slot-${s.conversationId}`,
      conversation: s.kind,
      networkName: s.networkName,
      dueAt: s.firstSlot,
      path: s.path,
    })),
    ...assignments.map((a) => ({
      kind: "assignment" as const,
      key: `assignment-${a.id}`,
      title: a.title,
      networkName: a.networkName,
      dueAt: a.dueAt,
      path: a.path,
    })),
    ...surveys.map((s) => ({
      kind: "survey" as const,
      key: `survey-${s.id}`,
      surveyId: s.id,
      title: s.title,
      networkName: s.networkName,
      dueAt: null,
    })),
    ...offers.map((o) => ({
      kind: "offer" as const,
      key: `offer-${o.networkId}`,
      networkName: o.networkName,
      dueAt: o.expiresAt,
      path: o.path,
    })),
    ...decisionTasks(panels),
  ];
  // Soonest due first; tasks without a date after them.
  const at = (task: StartTask) => task.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  tasks.sort((a, b) => at(a) - at(b));
  return {
    nextMeeting,
    networks,
    panels,
    tasks,
    buddyMeeting,
    points,
    certificates: certificates
      .filter((c) => !c.revokedAt)
      .map((c) => ({ id: c.id, title: c.title, routeName: c.routeName, points: c.points })),
    schools: workplaces
      .filter((w) => w.status === "confirmed")
      .map((w) => ({ id: w.id, name: w.name })),
  };
}

export type StartPage = Awaited<ReturnType<typeof loadStartPage>>;
