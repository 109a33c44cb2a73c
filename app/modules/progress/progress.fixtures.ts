import { eq } from "drizzle-orm";
import type { Db } from "#app/db/client.server.ts";
import { networkMembers, networkSteps, professionalThemes } from "#app/db/schema/index.ts";
import {
  actorFor,
  addNetworkMember,
  buildNetwork,
  buildRoute,
  buildUser,
} from "../../../tests/factories/index.ts";
import { createTestDatabase } from "../../../tests/test-database.ts";
import { meetingSchema } from "../meetings/meetings.schema.ts";
import { createMeeting } from "../meetings/meetings.server.ts";
import { stepKindFor } from "../networks/enrolment-routes.server.ts";
import { authorizeNetwork } from "../networks/network-access.server.ts";

// What the progress tests share: a database with professional themes, and a network with the
// six steps, two routes, a facilitator, two members and two meetings.

export const mail = { baseUrl: "https://knooppunt.test" };
export const titles = [
  "Aanmelden bij een van de netwerken",
  "Online intakegesprek",
  "Tijdens bijeenkomsten werken aan innovatie",
  "Online ontwikkelgesprek",
  "Online afrondend gesprek",
  "Afsluitende bijeenkomst met presentatie",
];

export async function createProgressDatabase() {
  const database = await createTestDatabase();
  await database.db
    .insert(professionalThemes)
    .values(
      ["Visiegestuurd onderwijs", "Verandermanagement"].map((name, position) => ({
        name,
        position,
      })),
    )
    .onConflictDoNothing();
  return database;
}

export async function setupProgressNetwork(db: Db, minMeetings = 2) {
  const network = await buildNetwork(db, { themes: ["verandermanagement"] });
  await db.insert(networkSteps).values(
    titles.map((title, i) => ({
      networkId: network.id,
      number: i + 1,
      title,
      kind: stepKindFor(title),
    })),
  );
  const withPoints = await buildRoute(db, network.id, {
    name: "Met herregistratie",
    stepNumbers: [1, 2, 3, 4, 5, 6],
    minMeetings,
  });
  const without = await buildRoute(db, network.id, {
    name: "Zonder herregistratie",
    stepNumbers: [1, 3, 6],
    minMeetings,
  });
  const facilitatorUser = await buildUser(db);
  const memberUser = await buildUser(db);
  const otherUser = await buildUser(db);
  await addNetworkMember(db, network.id, facilitatorUser.id, "facilitator");
  const memberId = await addNetworkMember(
    db,
    network.id,
    memberUser.id,
    "deelnemer",
    null,
    withPoints.id,
  );
  const otherId = await addNetworkMember(
    db,
    network.id,
    otherUser.id,
    "deelnemer",
    null,
    without.id,
  );
  // Both enrolled before the first meeting of the year.
  await db
    .update(networkMembers)
    .set({ joinedAt: new Date("2026-01-05T09:00:00Z") })
    .where(eq(networkMembers.networkId, network.id));
  const facilitator = await actorFor(db, facilitatorUser);
  const meetingIds: string[] = [];
  for (const day of ["2026-01-12", "2026-02-09"]) {
    meetingIds.push(
      await createMeeting(
        db,
        await authorizeNetwork(db, facilitator, network.id),
        meetingSchema.parse({
          day,
          startTime: "16:00",
          endTime: "19:00",
          mode: "location",
          address: "Utrecht",
        }),
      ),
    );
  }
  return {
    network,
    facilitator,
    member: await actorFor(db, memberUser),
    other: await actorFor(db, otherUser),
    memberId,
    otherId,
    meetingIds,
  };
}
