import type { MaybeActor } from "#app/platform/actor.ts";
import {
  canManageNetwork,
  isNetworkGuide,
  isNetworkMember,
  type NetworkAccess,
} from "../networks/networks.policy.ts";

/** Meeting pages (with the online link and the cases) are for members and the network's managers. */
export function canViewMeetings(actor: MaybeActor, network: NetworkAccess) {
  return !!actor && (isNetworkMember(network) || canManageNetwork(actor, network));
}

/** Penvoerder and facilitator plan, move and cancel meetings (and the programme's coordinator). */
export function canPlanMeetings(actor: MaybeActor, network: NetworkAccess) {
  return canManageNetwork(actor, network);
}

/** The preparation group co-edits the programme with the planners. */
export function canEditProgramme(actor: MaybeActor, network: NetworkAccess, isPreparer: boolean) {
  return canPlanMeetings(actor, network) || (isPreparer && isNetworkMember(network));
}

/** Cases are member content: only the network's own members bring in and read them. */
export function canReadCases(network: NetworkAccess) {
  return isNetworkMember(network);
}

/** Attendance is recorded by the people who hold the meeting: penvoerder and facilitator. */
export function canRecordAttendance(network: NetworkAccess) {
  return isNetworkGuide(network);
}
