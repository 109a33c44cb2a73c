import { eq } from "drizzle-orm";
import type { Db } from "#app/db/client.server.ts";
import { networkMembers } from "#app/db/schema/index.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildUser,
} from "../../../tests/factories/index.ts";
import { meetingSchema } from "./meetings.schema.ts";

// What the meeting tests share: a school-year network with a facilitator, two members and an
// outsider, and a valid online meeting form to vary.

export async function setupMeetingNetwork(db: Db) {
  const network = await buildNetwork(db, { startDate: "2026-09-01", endDate: "2027-07-15" });
  const facilitator = await buildUser(db);
  const member = await buildUser(db);
  const colleague = await buildUser(db);
  const outsider = await buildUser(db);
  await addNetworkMember(db, network.id, facilitator.id, "facilitator");
  await addNetworkMember(db, network.id, member.id);
  await addNetworkMember(db, network.id, colleague.id);
  // Everyone enrolled before the school year's meetings.
  await db
    .update(networkMembers)
    .set({ joinedAt: new Date("2026-08-15T09:00:00Z") })
    .where(eq(networkMembers.networkId, network.id));
  return {
    network,
    facilitator: await actorFor(db, facilitator),
    member: await actorFor(db, member),
    colleague: await actorFor(db, colleague),
    outsider: await actorFor(db, outsider),
  };
}

export const meetingForm = (overrides: Record<string, string> = {}) =>
  meetingSchema.parse({
    day: "2026-10-06",
    startTime: "08:30",
    endTime: "12:30",
    mode: "online",
    onlineUrl: "https://zoom.example/j/123",
    theme: "Missie en visie",
    ...overrides,
  });
