// A year of Netwerk Autopoiesis (seed A: 10 dagdelen 08.30–12.30, routes with conversations) and
// the AVS leergang (seed S: 5 contact days, self-study assignments, buddies, literature).
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../../app/db/client.server.ts";
import {
  assignments,
  attendance,
  buddyGroupMembers,
  buddyGroups,
  conversations,
  courseDetails,
  learningQuestionRevisions,
  learningQuestions,
  literature,
  meetingCases,
  meetingPreparers,
  meetingProgrammeItems,
  meetings,
  networkMembers,
  networks,
  stepCompletions,
  submissionFeedback,
  submissions,
  users,
} from "../../app/db/schema/index.ts";
import { amsterdamToInstant } from "../../app/i18n/dates.ts";

const autopoiesisYear: [string, string][] = [
  ["2026-01-27", "Missie, waarden en visie: helder en scherp"],
  ["2026-02-24", "De kloof tussen visie en werkelijkheid"],
  ["2026-03-24", "Houding en overtuiging bij innoveren"],
  ["2026-04-21", "Richtinggevende kaders voor je innovatie"],
  ["2026-05-19", "De passende route naar resultaat"],
  ["2026-06-16", "Leidinggeven aan leren in het team"],
  ["2026-09-15", "Verinnerlijken: van verandering naar gedrag"],
  ["2026-10-13", "Het systeem school als lerend geheel"],
  ["2026-11-10", "Voorbereiden van de presentaties"],
  ["2026-12-08", "Afsluitende bijeenkomst: presentaties van het leer- en innovatieproces"],
];

async function membersOf(tx: Tx, networkId: string) {
  return tx
    .select({
      id: networkMembers.id,
      userId: networkMembers.userId,
      role: networkMembers.role,
      email: users.email,
    })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.status, "active")))
    .orderBy(asc(users.email));
}

async function networkNamed(tx: Tx, name: string) {
  const [row] = await tx.select().from(networks).where(eq(networks.name, name));
  return row ?? null;
}

async function seedAutopoiesis(tx: Tx) {
  const network = await networkNamed(tx, "Netwerk Autopoiesis");
  if (!network) return;
  const members = await membersOf(tx, network.id);
  const guus = members.find((m) => m.role === "penvoerder");
  const anouk = members.find((m) => m.email === "anouk.visser@knooppunt.test");
  if (!guus || !anouk) return;
  const participants = members.filter((m) => m.role === "deelnemer");
  // The group enrolled in the weeks before the first meeting of 27 January: attendance only
  // counts for meetings since a member's enrolment.
  for (const [i, member] of members.entries()) {
    await tx
      .update(networkMembers)
      .set({ joinedAt: amsterdamToInstant(`2026-01-${String(5 + i).padStart(2, "0")}`, "10:00") })
      .where(eq(networkMembers.id, member.id));
  }
  // One participant came in after the first meeting: it takes no attendance for her unless the
  // facilitator counts it as caught up ("ingehaald"), with a reason.
  const lateJoiner = participants.filter((p) => p.userId !== anouk.userId).at(-1);
  if (lateJoiner)
    await tx
      .update(networkMembers)
      .set({ joinedAt: amsterdamToInstant("2026-02-10", "10:00") })
      .where(eq(networkMembers.id, lateJoiner.id));
  const meetingIds: string[] = [];
  for (const [i, [day, theme]] of autopoiesisYear.entries()) {
    const closing = i === autopoiesisYear.length - 1;
    const [meeting] = await tx
      .insert(meetings)
      .values({
        networkId: network.id,
        theme,
        startsAt: amsterdamToInstant(day, "08:30"),
        endsAt: amsterdamToInstant(day, "12:30"),
        mode: i % 3 === 1 ? "online" : "location",
        onlineUrl: i % 3 === 1 ? "https://zoom.us/j/4455667788" : "",
        address: i % 3 === 1 ? "" : "Het Leerhuis, Oudegracht 12, Utrecht",
        isClosing: closing,
        nextTheme: i < 8 ? (autopoiesisYear[i + 1]?.[1] ?? "") : "",
        speakerName: i === 3 ? "Dr. Marco Snoek" : "",
        speakerInvitedBy: i === 3 ? "Guus Geisen" : "",
        speakerBriefed: i === 3,
      })
      .returning({ id: meetings.id });
    if (meeting) meetingIds.push(meeting.id);
  }
  // Attendance of the first eight meetings; the ninth (10 November) is still to be recorded.
  for (const [i, meetingId] of meetingIds.slice(0, 8).entries()) {
    await tx.insert(attendance).values(
      participants
        .filter((p) => i > 0 || p.userId !== lateJoiner?.userId)
        .map((p, j) => ({
          meetingId,
          userId: p.userId,
          status:
            p.userId === anouk.userId || (i + j) % 5 !== 0
              ? ("present" as const)
              : ("excused" as const),
          recordedBy: guus.userId,
        })),
    );
  }
  const closingId = meetingIds.at(-1);
  if (closingId) {
    await tx
      .insert(meetingProgrammeItems)
      .values(
        [
          "Opening en terugblik op het jaar",
          "Presentaties: leidinggevende, team en systeem",
          "Reflectie in trio's",
          "Voortgang van het netwerk: hoe verder?",
        ].map((title, position) => ({ meetingId: closingId, title, position })),
      );
    await tx.insert(meetingPreparers).values(
      [anouk, ...participants.filter((p) => p.userId !== anouk.userId).slice(0, 2)].map((p) => ({
        meetingId: closingId,
        userId: p.userId,
      })),
    );
    const caseAuthor = participants.find((p) => p.userId !== anouk.userId);
    if (caseAuthor) {
      await tx.insert(meetingCases).values({
        meetingId: closingId,
        authorId: caseAuthor.userId,
        title: "Het team wil wel, maar de waan van de dag wint",
        description:
          "We hebben een heldere visie op eigenaarschap van leerlingen, maar in de praktijk vallen collega's terug op oude routines zodra het druk wordt.",
        question: "Hoe houd je een innovatie levend als de dagelijkse drukte alles opslokt?",
      });
    }
  }
  // Anouk, on the route with re-registration: intake and development conversation held.
  for (const [stepNumber, kind, day, summary] of [
    [
      2,
      "intake",
      "2026-02-03",
      "Nadruk op verandermanagement, in samenhang met visiegestuurd onderwijs.",
    ],
    [
      4,
      "development",
      "2026-06-02",
      "Route bijgesteld: meer aandacht voor het team als lerend systeem.",
    ],
  ] as const) {
    await tx.insert(conversations).values({
      memberId: anouk.id,
      facilitatorId: guus.userId,
      stepNumber,
      kind,
      status: "held",
      startsAt: amsterdamToInstant(day, "15:00"),
      endsAt: amsterdamToInstant(day, "15:45"),
      onlineUrl: "https://zoom.us/j/1122334455",
      privateNote: "Sterk gemotiveerd; let op werkdruk.",
      sharedSummary: summary,
    });
    await tx.insert(stepCompletions).values({ memberId: anouk.id, stepNumber });
  }
  const [question] = await tx
    .insert(learningQuestions)
    .values({
      networkId: network.id,
      userId: anouk.userId,
      text: "Hoe maak ik mijn team eigenaar van onze innovatie rond begaafdheid, zodat die blijft als ik er niet bij ben?",
      themes: ["verandermanagement", "visiegestuurd onderwijs"],
      professionalThemes: ["Verandermanagement", "Visiegestuurd onderwijs"],
      meetingIds: meetingIds.slice(1, 3),
    })
    .returning({ id: learningQuestions.id });
  if (question) {
    await tx.insert(learningQuestionRevisions).values([
      {
        questionId: question.id,
        text: "Hoe krijg ik mijn team mee in onze innovatie?",
        createdAt: new Date("2026-02-03T16:00:00Z"),
      },
      {
        questionId: question.id,
        text: "Hoe maak ik mijn team eigenaar van onze innovatie rond begaafdheid, zodat die blijft als ik er niet bij ben?",
      },
    ]);
  }
}

async function seedCourse(tx: Tx) {
  const course = await networkNamed(tx, "Leergang Leiding geven aan een lerende school");
  if (!course) return;
  await tx
    .insert(courseDetails)
    .values({ networkId: course.id, contactDays: 5, hoursPerContactDay: 8, selfStudyHours: 120 });
  const days = ["2026-10-08", "2026-11-12", "2027-01-14", "2027-03-11", "2027-05-20"];
  const themes = [
    "Dag 1: leerbehoeften en praktijkvraagstukken",
    "Dag 2: analyse van eigen praktijkvraagstukken",
    "Dag 3: de eigen organisatorische context",
    "Dag 4: passende leiderschapspraktijken ontwerpen",
    "Dag 5: evalueren en reflecteren op professionele groei",
  ];
  await tx.insert(meetings).values(
    days.map((day, i) => ({
      networkId: course.id,
      theme: themes[i] ?? "",
      startsAt: amsterdamToInstant(day, "09:00"),
      endsAt: amsterdamToInstant(day, "17:00"),
      mode: "location" as const,
      address: "AVS, Herenstraat 35, Utrecht",
      isClosing: i === days.length - 1,
    })),
  );
  const [first] = await tx
    .insert(assignments)
    .values([
      {
        networkId: course.id,
        title: "Opdracht 1: leerbehoeften en praktijkvraagstuk",
        description:
          "Beschrijf je praktijkvraagstuk en wat je wilt leren. Bespreek het met je maatje.",
        dueAt: amsterdamToInstant("2026-11-05", "23:59"),
      },
      {
        networkId: course.id,
        title: "Opdracht 2: analyse van je organisatorische context",
        description:
          "Analyseer de context van je school: wat helpt en wat remt het leren van leraren?",
        dueAt: amsterdamToInstant("2027-01-07", "23:59"),
      },
      {
        networkId: course.id,
        title: "Eindproduct met persoonlijke reflectie",
        description:
          "Werk de tussentijdse opdrachten uit en reflecteer met de verplichte en aanvullende literatuur op je professionele groei.",
        dueAt: amsterdamToInstant("2027-06-15", "23:59"),
        isFinal: true,
      },
    ])
    .returning({ id: assignments.id });
  await tx.insert(literature).values([
    {
      networkId: course.id,
      citation:
        "Wessum, L. van & Verheggen, I. (2018). Leidinggeven aan een lerende school. Welke vragen heb jij vandaag gesteld? Antwerpen: Gompel & Svacina.",
      required: true,
      position: 0,
    },
    {
      networkId: course.id,
      citation:
        "Wessum, L. van & Kools, Q. (2019). Professionele groei van leraren en andere onderwijsprofessionals. Grip op leren. Oud-Turnhout: Gompel & Svacina.",
      required: true,
      position: 1,
    },
    {
      networkId: course.id,
      citation:
        "Aanvullende literatuur op basis van de vragen van de deelnemers (in overleg met de docent).",
      required: false,
      position: 2,
    },
  ]);
  const members = await membersOf(tx, course.id);
  const teacher = members.find((m) => m.role === "penvoerder");
  const sanne = members.find((m) => m.email === "sanne.kok@knooppunt.test");
  const ahmed = members.find((m) => m.email === "ahmed.elidrissi@knooppunt.test");
  if (!teacher || !sanne || !ahmed || !first) return;
  const [pair] = await tx
    .insert(buddyGroups)
    .values({ networkId: course.id, createdBy: teacher.userId })
    .returning({ id: buddyGroups.id });
  if (pair) {
    await tx.insert(buddyGroupMembers).values([
      { groupId: pair.id, networkId: course.id, userId: sanne.userId },
      { groupId: pair.id, networkId: course.id, userId: ahmed.userId },
    ]);
  }
  const [work] = await tx
    .insert(submissions)
    .values({
      assignmentId: first.id,
      userId: ahmed.userId,
      text: "Mijn praktijkvraagstuk: hoe zorg ik dat leraren in de onderbouw elkaars lessen bezoeken en daarvan leren?",
      submittedAt: amsterdamToInstant("2026-11-03", "21:10"),
    })
    .returning({ id: submissions.id });
  if (work) {
    await tx.insert(submissionFeedback).values({
      submissionId: work.id,
      authorId: teacher.userId,
      authorRole: "teacher",
      text: "Mooi concreet. Welke leiderschapspraktijk zet je zelf in om dit te stimuleren?",
    });
  }
}

export async function seedMeetingsAndCourses(tx: Tx) {
  await seedAutopoiesis(tx);
  await seedCourse(tx);
}
