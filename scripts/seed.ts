// Loads the Dutch demo data. Usage: node scripts/seed.ts [--if-empty]
// Uses DATABASE_URL when set, otherwise the PGlite folder in DATA_DIR (default ./data/pglite).
import { count } from "drizzle-orm";
import { env } from "../app/core/env.server.ts";
import { type Db, openDatabase } from "../app/db/client.server.ts";
import {
  enrolmentRoutes,
  networkMembers,
  networkPhaseChanges,
  networkSteps,
  networks,
  organisationMembers,
  organisations,
  programmeCoordinators,
  programmeCriteria,
  programmes,
  regions,
  users,
} from "../app/db/schema/index.ts";
import { hashPassword } from "../app/modules/accounts/passwords.server.ts";
import { updateProfile } from "../app/modules/accounts/profile.server.ts";
import { stepKindFor } from "../app/modules/networks/enrolment-routes.server.ts";
import { seedBetweenMeetings } from "./seed/demo-between-meetings.ts";
import * as demo from "./seed/demo-data.ts";
import { seedEvaluation, seedGoodPractice } from "./seed/demo-evaluation.ts";
import { seedMeetingsAndCourses } from "./seed/demo-meetings.ts";
import { seedNetworkSchool } from "./seed/demo-network-school.ts";
import { networks as demoNetworks, extraPerson, voAcademyCriteria } from "./seed/demo-networks.ts";
import { seedRegister } from "./seed/demo-register.ts";

export async function seedDemoData(db: Db) {
  const passwordHash = await hashPassword(demo.demoPassword);
  await db.transaction(async (tx) => {
    const regionRows = await tx
      .insert(regions)
      .values(demo.regions.map((name) => ({ name })))
      .returning();
    const regionId = (name: string) => regionRows.find((r) => r.name === name)?.id ?? null;
    const programmeRows = await tx
      .insert(programmes)
      .values([...demo.programmes])
      .returning();
    const boardRows = await tx
      .insert(organisations)
      .values(
        demo.boards.map((b) => ({
          kind: "board" as const,
          name: b.name,
          place: b.place,
          regionId: regionId(b.region),
        })),
      )
      .returning();
    const schoolRows = await tx
      .insert(organisations)
      .values(
        demo.schools.map((s) => ({
          kind: "school" as const,
          name: s.name,
          brin: s.brin,
          sector: s.sector,
          place: s.place,
          regionId: regionId(s.region),
          boardId: "board" in s ? (boardRows.find((b) => b.name === s.board)?.id ?? null) : null,
        })),
      )
      .returning();
    const organisationId = (name: string) =>
      [...schoolRows, ...boardRows].find((o) => o.name === name)?.id;
    for (const person of demo.people) {
      const [user] = await tx
        .insert(users)
        .values({
          name: person.name,
          email: person.email,
          passwordHash,
          emailVerifiedAt: new Date(),
          isPlatformAdmin: person.isPlatformAdmin ?? false,
        })
        .returning({ id: users.id });
      if (!user) throw new Error(`could not insert ${person.email}`);
      const actor = {
        userId: user.id,
        name: person.name,
        email: person.email,
        isPlatformAdmin: false,
        grants: [],
      };
      await updateProfile(tx, actor, user.id, {
        name: person.name,
        jobFunction: person.jobFunction,
        jobFunctionOther: person.jobFunctionOther ?? "",
        regionId: regionId(person.region) ?? "",
        bio: person.bio,
        expertise: person.expertise,
      });
      const workplace = organisationId(person.workplace);
      if (workplace) {
        await tx.insert(organisationMembers).values({
          organisationId: workplace,
          userId: user.id,
          role: person.organisationAdmin ? "admin" : "member",
          status: "confirmed",
        });
      }
      if (person.coordinates) {
        const programme = programmeRows.find((p) => p.name === person.coordinates?.programme);
        if (programme) {
          await tx.insert(programmeCoordinators).values({
            programmeId: programme.id,
            userId: user.id,
            regionId: person.coordinates.region ? regionId(person.coordinates.region) : null,
          });
        }
      }
    }

    const academy = programmeRows.find((p) => p.name === "VO-academie");
    if (academy) {
      await tx.insert(programmeCriteria).values(
        voAcademyCriteria.map(([label, rule, ruleValue], position) => ({
          programmeId: academy.id,
          position,
          label,
          rule,
          ruleValue,
        })),
      );
    }
    const userIdByEmail = new Map(
      (await tx.select({ id: users.id, email: users.email }).from(users)).map((u) => [
        u.email,
        u.id,
      ]),
    );
    const workplaceOf = new Map(
      (await tx.select().from(organisationMembers)).map((m) => [m.userId, m.organisationId]),
    );
    let extraIndex = 0;
    for (const demoNetwork of demoNetworks) {
      const {
        members,
        memberRoutes,
        penvoerder,
        extraMembers,
        steps,
        routes,
        programme,
        region,
        ...profile
      } = demoNetwork;
      const [network] = await tx
        .insert(networks)
        .values({
          ...profile,
          programmeId: programme
            ? (programmeRows.find((p) => p.name === programme)?.id ?? null)
            : null,
          regionId: region ? regionId(region) : null,
        })
        .returning({ id: networks.id });
      if (!network) throw new Error(`could not insert ${demoNetwork.name}`);
      await tx.insert(networkPhaseChanges).values({
        networkId: network.id,
        phase: demoNetwork.phase,
        note: "Stand bij de start van Knooppunt.",
      });
      if (steps?.length)
        await tx.insert(networkSteps).values(
          steps.map((title, i) => ({
            networkId: network.id,
            number: i + 1,
            title,
            kind: stepKindFor(title),
          })),
        );
      const routeIds: string[] = [];
      for (const [position, route] of (routes ?? []).entries()) {
        const [row] = await tx
          .insert(enrolmentRoutes)
          .values({
            networkId: network.id,
            name: route.name,
            priceCents: route.price * 100,
            secondPersonPriceCents: route.secondPrice ? route.secondPrice * 100 : null,
            includes: route.includes ?? "",
            extraCosts: route.extraCosts ?? "",
            vatExempt: route.vatExempt ?? false,
            stepNumbers: route.steps,
            minMeetings: route.minMeetings ?? null,
            registerPoints: route.registerPoints ?? null,
            registerThemes: route.registerThemes ?? [],
            position,
          })
          .returning({ id: enrolmentRoutes.id });
        if (row) routeIds.push(row.id);
      }
      const join = async (
        userId: string,
        role: "penvoerder" | "deelnemer",
        index: number,
        routeIndex = index,
      ) => {
        await tx.insert(networkMembers).values({
          networkId: network.id,
          userId,
          role,
          status: "active",
          organisationId: workplaceOf.get(userId) ?? null,
          routeId:
            role === "deelnemer"
              ? (routeIds[routeIndex % Math.max(1, routeIds.length)] ?? null)
              : null,
          joinedAt: new Date(Date.now() - (index + 3) * 86_400_000 * 7),
          motivation: "Ik wil leren van collega's die met dezelfde vragen worstelen.",
        });
      };
      const penvoerderId = penvoerder ? userIdByEmail.get(penvoerder) : undefined;
      if (penvoerderId) await join(penvoerderId, "penvoerder", 0);
      for (const [index, email] of members.entries()) {
        const id = userIdByEmail.get(email);
        if (id) await join(id, "deelnemer", index, memberRoutes?.[index] ?? index);
      }
      const schools = schoolRows.filter((school) =>
        demoNetwork.sectors.includes(school.sector ?? ""),
      );
      for (let i = 0; i < (extraMembers ?? 0); i++) {
        extraIndex += 1;
        const person = extraPerson(extraIndex, demoNetwork.name.startsWith("Vrouwelijk"));
        const [user] = await tx
          .insert(users)
          .values({
            name: person.name,
            email: person.email,
            passwordHash,
            emailVerifiedAt: new Date(),
            jobFunction:
              demoNetwork.targetFunctions[i % demoNetwork.targetFunctions.length] ?? "schoolleider",
            bio: `Deelnemer van ${demoNetwork.name}.`,
            regionId: region ? regionId(region) : null,
          })
          .returning({ id: users.id });
        if (!user) continue;
        const school = schools[(extraIndex * 3) % Math.max(1, schools.length)];
        if (school) {
          await tx
            .insert(organisationMembers)
            .values({ organisationId: school.id, userId: user.id, status: "confirmed" });
          workplaceOf.set(user.id, school.id);
        }
        await join(user.id, "deelnemer", members.length + i);
      }
    }
    await seedMeetingsAndCourses(tx);
    await seedRegister(tx);
    await seedEvaluation(tx);
    await seedGoodPractice(tx);
    await seedBetweenMeetings(tx);
    await seedNetworkSchool(tx, passwordHash);
  });
}

export async function isEmpty(db: Db) {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

export function demoLogins() {
  const roleOf = (p: demo.DemoPerson) =>
    p.isPlatformAdmin
      ? "platformbeheerder"
      : p.coordinates
        ? `coördinator ${p.coordinates.programme}${p.coordinates.region ? ` (regio ${p.coordinates.region})` : ""}`
        : p.organisationAdmin
          ? `schoolbeheerder ${p.workplace}`
          : null;
  return demo.people
    .map((p) => ({
      email: p.email,
      role: roleOf(p) ?? (p.email.startsWith("deelnemer") ? "deelnemer" : null),
    }))
    .filter((login): login is { email: string; role: string } => login.role !== null);
}

async function main() {
  const { DATABASE_URL, DATA_DIR } = env();
  const database = await openDatabase(DATABASE_URL ? { url: DATABASE_URL } : { dataDir: DATA_DIR });
  try {
    if (process.argv.includes("--if-empty") && !(await isEmpty(database.db))) {
      console.log("De database bevat al gegevens; demo-data niet opnieuw geladen.");
    } else {
      await seedDemoData(database.db);
      console.log("Demo-data geladen.");
    }
    console.log(`\nDemo-logins (wachtwoord voor allemaal: ${demo.demoPassword}):`);
    for (const login of demoLogins()) console.log(`  ${login.email.padEnd(36)} ${login.role}`);
    console.log("  (meer accounts, zoals penvoerders van de netwerken uit de bronnen: zie README)");
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
