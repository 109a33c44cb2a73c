import {
  personalData as accountsData,
  personalDataProvider as accountsProvider,
} from "#app/modules/accounts/personal-data.server.ts";
import {
  personalData as calendarData,
  personalDataProvider as calendarProvider,
} from "#app/modules/calendar/personal-data.server.ts";
import {
  personalData as coursesData,
  personalDataProvider as coursesProvider,
} from "#app/modules/courses/personal-data.server.ts";
import {
  personalData as discussionData,
  personalDataProvider as discussionProvider,
} from "#app/modules/discussion/personal-data.server.ts";
import {
  personalData as evaluationData,
  personalDataProvider as evaluationProvider,
} from "#app/modules/evaluation/personal-data.server.ts";
import {
  personalData as meetingsData,
  personalDataProvider as meetingsProvider,
} from "#app/modules/meetings/personal-data.server.ts";
import {
  personalData as membershipsData,
  personalDataProvider as membershipsProvider,
} from "#app/modules/memberships/personal-data.server.ts";
import {
  personalData as networksData,
  personalDataProvider as networksProvider,
} from "#app/modules/networks/personal-data.server.ts";
import {
  personalData as notificationsData,
  personalDataProvider as notificationsProvider,
} from "#app/modules/notifications/personal-data.server.ts";
import {
  personalData as organisationsData,
  personalDataProvider as organisationsProvider,
} from "#app/modules/organisations/personal-data.server.ts";
import {
  personalData as peergroupsData,
  personalDataProvider as peergroupsProvider,
} from "#app/modules/peergroups/personal-data.server.ts";
import {
  personalData as progressData,
  personalDataProvider as progressProvider,
} from "#app/modules/progress/personal-data.server.ts";
import {
  personalData as registerData,
  personalDataProvider as registerProvider,
} from "#app/modules/register/personal-data.server.ts";
import {
  personalData as toolkitData,
  personalDataProvider as toolkitProvider,
} from "#app/modules/toolkit/personal-data.server.ts";
import type { ModulePersonalData, PersonalDataProvider } from "#app/platform/personal-data.ts";

/** Every module's declarations: the one register the privacy statement and the bijsluiter are made from. */
export const personalDataRegister: readonly ModulePersonalData[] = [
  accountsData,
  organisationsData,
  notificationsData,
  networksData,
  membershipsData,
  meetingsData,
  registerData,
  progressData,
  coursesData,
  calendarData,
  evaluationData,
  discussionData,
  peergroupsData,
  toolkitData,
];

/**
 * Every module's export and erase rules, in the order erasure runs them: the modules that build on
 * others first, accounts (the tombstone) last.
 */
export const personalDataProviders: readonly PersonalDataProvider[] = [
  toolkitProvider,
  peergroupsProvider,
  discussionProvider,
  evaluationProvider,
  calendarProvider,
  coursesProvider,
  progressProvider,
  registerProvider,
  meetingsProvider,
  membershipsProvider,
  networksProvider,
  notificationsProvider,
  organisationsProvider,
  accountsProvider,
];
