// The network-learning school (seed L): Baken Trinitas Gymnasium with its themes and
// initiatives around differentiation, and the English section of Leidsche Rijn College with the
// step plan, its year agenda (figure 3.3) and an initiative nobody owns any more.
import { and, eq } from "drizzle-orm";
import type { Tx } from "../../app/db/client.server.ts";
import {
  agendaMeetings,
  agendaPlans,
  initiativeInvolvement,
  initiativeStepNotes,
  initiatives,
  initiativeThemes,
  kenniswebItems,
  organisationMembers,
  organisations,
  themeSchakels,
  themes,
  users,
} from "../../app/db/schema/index.ts";
import { updateProfile } from "../../app/modules/accounts/profile.server.ts";
import { currentSchoolYear, previousSchoolYear } from "../../app/modules/toolkit/school-year.ts";
import { type AgendaEntry, yearAgenda } from "../../app/modules/toolkit/year-agenda.ts";

const colleagues = [
  {
    school: "Baken Trinitas Gymnasium",
    name: "Carolien Maas",
    email: "carolien.maas@knooppunt.test",
    bio: "Docent scheikunde en Ld-er; eerder op een vmbo en een havo. Ervaring met differentiatie in de klas.",
    expertise: ["differentiatie", "scheikunde", "werkvormen"],
  },
  {
    school: "Baken Trinitas Gymnasium",
    name: "Bas de Vries",
    email: "bas.devries@knooppunt.test",
    bio: "Docent wiskunde, organiseert de Olympiade.",
    expertise: ["olympiade", "wiskunde"],
  },
  {
    school: "Baken Trinitas Gymnasium",
    name: "Inge Kramer",
    email: "inge.kramer@knooppunt.test",
    bio: "Docent biologie en coördinator van het plusprogramma.",
    expertise: ["begaafdheid", "verrijking", "biologie"],
  },
  {
    school: "Baken Trinitas Gymnasium",
    name: "Joost Peters",
    email: "joost.peters@knooppunt.test",
    bio: "Docent geschiedenis; schakel voor de studiewijzer.",
    expertise: ["studiewijzer", "geschiedenis"],
  },
  {
    school: "Baken Trinitas Gymnasium",
    name: "Noor Hendriks",
    email: "noor.hendriks@knooppunt.test",
    bio: "Docent Nederlands; academische vaardigheden in de bovenbouw.",
    expertise: ["academische vaardigheden", "schrijfvaardigheid"],
  },
  {
    school: "Leidsche Rijn College",
    name: "Gemma Bakker",
    email: "gemma.bakker@knooppunt.test",
    bio: "Docent Engels; samen met Theo initiatiefnemer van het nieuwe literatuuronderwijs.",
    expertise: ["literatuuronderwijs", "engels"],
  },
  {
    school: "Leidsche Rijn College",
    name: "Theo Smit",
    email: "theo.smit@knooppunt.test",
    bio: "Docent Engels, bovenbouw.",
    expertise: ["literatuuronderwijs", "engels", "eindexamen"],
  },
  {
    school: "Leidsche Rijn College",
    name: "Thomas de Wit",
    email: "thomas.dewit@knooppunt.test",
    bio: "Sectievoorzitter Engels.",
    expertise: ["engels", "roostering"],
    admin: true,
  },
  {
    // Says she works at Baken Trinitas; the school's admin has yet to confirm it (Aanvragen).
    school: "Baken Trinitas Gymnasium",
    name: "Mirjam Verhoef",
    email: "mirjam.verhoef@knooppunt.test",
    bio: "Nieuw als docent Frans.",
    expertise: ["frans"],
    requested: true,
  },
];

export async function seedNetworkSchool(tx: Tx, passwordHash: string, now = new Date()) {
  const year = currentSchoolYear(now);
  const lastYear = previousSchoolYear(year);
  const schoolId = async (name: string) => {
    const [row] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, name));
    if (!row) throw new Error(`demo school ${name} missing`);
    return row.id;
  };
  const btg = await schoolId("Baken Trinitas Gymnasium");
  const lrc = await schoolId("Leidsche Rijn College");
  const person = new Map<string, string>();
  for (const c of colleagues) {
    const [user] = await tx
      .insert(users)
      .values({ name: c.name, email: c.email, passwordHash, emailVerifiedAt: now })
      .returning({ id: users.id });
    if (!user) continue;
    await updateProfile(
      tx,
      { userId: user.id, name: c.name, email: c.email, isPlatformAdmin: false, grants: [] },
      user.id,
      {
        name: c.name,
        jobFunction: "leraar",
        jobFunctionOther: "",
        regionId: "",
        bio: c.bio,
        expertise: c.expertise,
      },
    );
    await tx.insert(organisationMembers).values({
      organisationId: c.school === "Leidsche Rijn College" ? lrc : btg,
      userId: user.id,
      role: c.admin ? "admin" : "member",
      status: c.requested ? "requested" : "confirmed",
    });
    person.set(c.email, user.id);
  }
  for (const email of [
    "schoolbeheerder@knooppunt.test",
    "lotte.degraaf@knooppunt.test",
    "deelnemer@knooppunt.test",
    "fred.willems@knooppunt.test",
  ]) {
    const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (row) person.set(email, row.id);
  }
  const id = (email: string) => person.get(email) ?? "";
  const teams: [string, string, string][] = [
    ["Sectie Engels", lrc, "deelnemer@knooppunt.test"],
    ["Sectie Engels", lrc, "fred.willems@knooppunt.test"],
    ["Sectie Engels", lrc, "gemma.bakker@knooppunt.test"],
    ["Sectie Engels", lrc, "theo.smit@knooppunt.test"],
    ["Sectie Engels", lrc, "thomas.dewit@knooppunt.test"],
    ["Team onderbouw", btg, "lotte.degraaf@knooppunt.test"],
    ["Team onderbouw", btg, "joost.peters@knooppunt.test"],
    ["Team onderbouw", btg, "schoolbeheerder@knooppunt.test"],
    ["Team bovenbouw", btg, "carolien.maas@knooppunt.test"],
    ["Team bovenbouw", btg, "bas.devries@knooppunt.test"],
    ["Team bovenbouw", btg, "inge.kramer@knooppunt.test"],
    ["Team bovenbouw", btg, "noor.hendriks@knooppunt.test"],
  ];
  for (const [team, organisationId, email] of teams)
    await tx
      .update(organisationMembers)
      .set({ team })
      .where(
        and(
          eq(organisationMembers.organisationId, organisationId),
          eq(organisationMembers.userId, id(email)),
        ),
      );

  // BTG: last year's themes, still open (the clean slate has to decide), and this year's.
  const makeTheme = async (
    values: {
      name: string;
      kind: "jaarthema" | "vast" | "tijdelijk";
      schoolYear: string;
      description: string;
    },
    schakels: string[],
  ) => {
    const [row] = await tx
      .insert(themes)
      .values({
        spaceKind: "organisation",
        spaceId: btg,
        ...values,
        createdBy: id("schoolbeheerder@knooppunt.test"),
      })
      .returning({ id: themes.id });
    if (!row) throw new Error("theme");
    if (schakels.length)
      await tx
        .insert(themeSchakels)
        .values(schakels.map((e) => ({ themeId: row.id, userId: id(e) })));
    return row.id;
  };
  const leerweg = await makeTheme(
    {
      name: "De eigen leerweg van de zelfstandige gymnasiast",
      kind: "jaarthema",
      schoolYear: lastYear,
      description:
        "Het jaarthema van vorig jaar: hoe vindt elke leerling een eigen weg door het gymnasium?",
    },
    ["lotte.degraaf@knooppunt.test"],
  );
  const studiewijzer = await makeTheme(
    {
      name: "Studiewijzer",
      kind: "vast",
      schoolYear: lastYear,
      description: "De studiewijzer steeds opnieuw aandacht geven: schrijfsessies en het format.",
    },
    ["joost.peters@knooppunt.test"],
  );
  await makeTheme(
    {
      name: "Toetsing",
      kind: "vast",
      schoolYear: year,
      description:
        "De groep toetsing: een contactpunt per sectie, en nog op zoek naar een zichtbare schakel.",
    },
    [],
  );
  await tx.insert(kenniswebItems).values([
    {
      themeId: leerweg,
      kind: "uitspraak",
      title: "Een begin en een eind",
      body: "“Het is prettig als je een begin en een eind aan een groepje kunt maken, want dan voorkom je dat het zo'n vaag doorkabbelend groepje wordt.”",
      createdBy: id("lotte.degraaf@knooppunt.test"),
    },
    {
      themeId: leerweg,
      kind: "voorbeeld",
      title: "Keuzewerktijd in de derde klas",
      body: "Leerlingen plannen twee uur per week zelf hun werk, met een mentor als coach.",
      createdBy: id("lotte.degraaf@knooppunt.test"),
    },
    {
      themeId: studiewijzer,
      kind: "activiteit",
      title: "Schrijfsessie studiewijzers",
      body: "Twee keer per jaar schrijven secties samen hun studiewijzers in het nieuwe format.",
      createdBy: id("joost.peters@knooppunt.test"),
    },
  ]);

  const makeInitiative = async (
    spaceId: string,
    values: { name: string; goal: string; currentStep: number; plan?: "stappenplan" | "btg" },
    people: [string, "i" | "p" | "s" | "l" | "g", ("role" | "interest" | "help" | "pilot")?][],
    themeIds: string[] = [],
  ) => {
    const [row] = await tx
      .insert(initiatives)
      .values({
        spaceKind: "organisation",
        spaceId,
        plan: values.plan ?? "stappenplan",
        name: values.name,
        goal: values.goal,
        currentStep: values.currentStep,
        createdBy: id(people[0]?.[0] ?? ""),
        createdAt: new Date(now.getTime() - 60 * 24 * 3600_000),
      })
      .returning({ id: initiatives.id });
    if (!row) throw new Error("initiative");
    if (people.length)
      await tx.insert(initiativeInvolvement).values(
        people.map(([email, position, kind]) => ({
          initiativeId: row.id,
          userId: id(email),
          position,
          kind: kind ?? "role",
          since: new Date(now.getTime() - 50 * 24 * 3600_000),
        })),
      );
    if (themeIds.length)
      await tx
        .insert(initiativeThemes)
        .values(themeIds.map((themeId) => ({ initiativeId: row.id, themeId })));
    return row.id;
  };
  await makeInitiative(
    btg,
    {
      name: "Olympiade",
      goal: "Een schoolbrede Olympiade waarin leerlingen op hun eigen niveau wedijveren.",
      // Chapter 4: four teachers get going with it, hours or not: "Ga gezamenlijk aan het werk"
      // (BTG step 7 of 8, index 6).
      currentStep: 6,
      plan: "btg",
    },
    [
      ["bas.devries@knooppunt.test", "i"],
      ["inge.kramer@knooppunt.test", "p"],
    ],
  );
  await makeInitiative(
    btg,
    {
      name: "Plusprogramma begaafdheid",
      goal: "Verrijking voor begaafde leerlingen in alle leerjaren.",
      currentStep: 9,
    },
    [
      ["inge.kramer@knooppunt.test", "i"],
      ["carolien.maas@knooppunt.test", "l", "help"],
    ],
  );
  await makeInitiative(
    btg,
    {
      name: "Academische vaardigheden",
      goal: "Een doorlopende lijn voor onderzoeken en schrijven in de bovenbouw.",
      currentStep: 4,
    },
    [["noor.hendriks@knooppunt.test", "i"]],
    [leerweg],
  );
  await makeInitiative(
    btg,
    {
      name: "Studiewijzer vernieuwen",
      goal: "Eén format voor alle studiewijzers, met ruimte voor keuzes van leerlingen.",
      currentStep: 8,
    },
    [["joost.peters@knooppunt.test", "i"]],
    [studiewijzer],
  );

  // LRC, the English section (chapter 3).
  const proficiency = await makeInitiative(
    lrc,
    {
      name: "English Proficiency",
      goal: "Een eigen vaardigheidsprogramma voor leerlingen die Engels al goed beheersen.",
      currentStep: 1,
    },
    [["deelnemer@knooppunt.test", "g", "interest"]],
  );
  const literatuur = await makeInitiative(
    lrc,
    {
      name: "Literatuuronderwijs",
      goal: "Een nieuw literatuurprogramma voor 4 tot 6 vwo, samen uitgeprobeerd.",
      currentStep: 8,
    },
    [
      ["gemma.bakker@knooppunt.test", "i"],
      ["theo.smit@knooppunt.test", "i"],
      ["deelnemer@knooppunt.test", "p"],
    ],
  );
  const toetsmodel = await makeInitiative(
    lrc,
    {
      name: "Toetsmodel",
      goal: "Eén toetsmodel voor de hele sectie, van klas 1 tot en met 6.",
      currentStep: 9,
    },
    [
      ["fred.willems@knooppunt.test", "i"],
      ["deelnemer@knooppunt.test", "p"],
    ],
  );
  const klassen = await makeInitiative(
    lrc,
    {
      name: "Uitgangspunten voor klassenverdeling",
      goal: "Afspraken over hoe we klassen verdelen, zodat niemand alleen de zware klassen krijgt.",
      currentStep: 2,
    },
    [["thomas.dewit@knooppunt.test", "i"]],
  );
  // Fred stepped back as initiatiefnemer of the test model: it has no owner now (the seed's lesson).
  await tx
    .update(initiativeInvolvement)
    .set({ until: new Date(now.getTime() - 7 * 24 * 3600_000) })
    .where(eq(initiativeInvolvement.initiativeId, toetsmodel));
  await tx.insert(initiativeInvolvement).values([
    {
      initiativeId: toetsmodel,
      userId: id("fred.willems@knooppunt.test"),
      position: "l",
      kind: "role",
      note: "Levert de toetsen van vorig jaar",
      since: new Date(now.getTime() - 7 * 24 * 3600_000),
    },
    {
      initiativeId: toetsmodel,
      userId: id("deelnemer@knooppunt.test"),
      position: "p",
      since: new Date(now.getTime() - 7 * 24 * 3600_000),
    },
  ]);
  await tx.insert(initiativeStepNotes).values([
    {
      initiativeId: toetsmodel,
      step: 8,
      note: "Uitproberen in klas 3: wat houdt 'uitproberen' precies in? Spreek af wanneer we het afronden.",
      authorId: id("fred.willems@knooppunt.test"),
    },
    {
      initiativeId: literatuur,
      step: 2,
      note: "Een studiegenoot van Gemma en de buurman van Theo helpen mee met de leeslijst.",
      authorId: id("gemma.bakker@knooppunt.test"),
    },
  ]);
  const section = "Sectie Engels";
  const startYear = Number(year.slice(0, 4));
  const days = [
    `${startYear}-09-08`,
    `${startYear}-10-06`,
    `${startYear}-11-10`,
    `${startYear}-12-08`,
    `${startYear + 1}-02-02`,
    `${startYear + 1}-03-09`,
  ];
  const meetingIds: string[] = [];
  for (const [i, heldOn] of days.entries()) {
    const [row] = await tx
      .insert(agendaMeetings)
      .values({
        spaceKind: "organisation",
        spaceId: lrc,
        body: section,
        schoolYear: year,
        number: i + 1,
        heldOn,
      })
      .returning({ id: agendaMeetings.id });
    if (row) meetingIds.push(row.id);
  }
  // Figure 3.3 as the section decided it, row by row. Where the rule of chapter 3 would suggest
  // more (English Proficiency informed at overleg 2, say), the section took it off, as the figure shows.
  const figure: [number, string, "plannen" | "informeren" | "ervaringen"][] = [
    [1, proficiency, "plannen"],
    [1, literatuur, "plannen"],
    [2, toetsmodel, "plannen"],
    [2, literatuur, "informeren"],
    [3, toetsmodel, "informeren"],
    [3, literatuur, "ervaringen"],
    [4, klassen, "plannen"],
    [4, proficiency, "informeren"],
    [4, literatuur, "ervaringen"],
    [4, toetsmodel, "ervaringen"],
    [5, klassen, "informeren"],
    [5, toetsmodel, "ervaringen"],
    [6, toetsmodel, "ervaringen"],
    [6, klassen, "ervaringen"],
  ];
  const entries: AgendaEntry[] = figure.map(([meeting, initiativeId, column]) => ({
    meetingId: meetingIds[meeting - 1] ?? "",
    initiativeId,
    column,
  }));
  const agendaMeetingRows = meetingIds.map((meetingId, i) => ({
    id: meetingId,
    number: i + 1,
    heldOn: days[i] ?? null,
  }));
  const names = [proficiency, literatuur, toetsmodel, klassen].map((initiativeId) => ({
    id: initiativeId,
    name: initiativeId,
    completedOn: null,
  }));
  for (;;) {
    const pending = yearAgenda(agendaMeetingRows, names, entries)
      .flatMap((row) =>
        Object.values(row.columns)
          .flat()
          .filter((item) => item.suggested)
          .map((item) => ({ meetingId: row.meeting.id, initiativeId: item.initiativeId })),
      )
      .at(0);
    if (!pending) break;
    entries.push({ ...pending, column: "geschrapt" });
  }
  await tx.insert(agendaPlans).values(entries);
}
