// Between meetings: a year of questions in the mail group of Eindverantwoordelijk Schoolleiders
// (seed H: ~50 questions a year, most with 7+ reactions within a week), buddy groups there, and
// a confidential intervision group of five in Vrouwelijk Leiderschap 1 (seed V).
import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "../../app/db/client.server.ts";
import {
  buddyAgreements,
  buddyGroupMembers,
  buddyGroups,
  buddyMeetings,
  buddyNotes,
  discussionPosts,
  discussionTopics,
  intervisionGroupMembers,
  intervisionGroups,
  intervisionMethods,
  intervisionNotes,
  intervisionSessions,
  networkMembers,
  networks,
  users,
} from "../../app/db/schema/index.ts";

const questions = [
  "Hoe organiseren jullie de formatie nu het leerlingaantal daalt?",
  "Wie heeft ervaring met een tweehoofdige schoolleiding?",
  "Gezocht: een gesprekscyclus voor teamleiders die echt werkt",
  "Hoe betrek je de MR vroeg bij een koerswijziging?",
  "Lerarentekort: wie werkt met onderwijsassistenten voor de klas?",
  "Verzuimprotocol herschrijven: wie deelt het zijne?",
  "Ervaringen met het nieuwe onderzoekskader van de inspectie?",
  "Hoe houden jullie als schoolleider tijd vrij voor onderwijs?",
  "Welke HR-cyclus past bij een professionele schoolorganisatie?",
  "Schoolplan op één A4: wie heeft een goed format?",
  "Hoe begeleiden jullie startende leraren in hun eerste jaar?",
  "Werkdrukmiddelen: waar hebben jullie ze aan besteed?",
  "Ouderbetrokkenheid in de bovenbouw: wat werkt bij jullie?",
  "Wie heeft een integriteitscode voor het team opgesteld?",
  "Hoe gaan jullie om met een conflict tussen twee teamleiders?",
  "Kwaliteitszorg: welke zelfevaluatie gebruiken jullie?",
  "Sectieleiders meer verantwoordelijkheid geven: ervaringen?",
  "Hoe voer je een goed exitgesprek?",
  "Wie werkt met lesson study en wil ervaringen delen?",
  "Hoe communiceren jullie een reorganisatie naar het team?",
  "Flexibel roosteren in het vo: wie heeft het ingevoerd?",
  "Hoe maak je een bestuursformatieplan samen met de scholen?",
  "Tips voor een eerste jaar als rector?",
  "Hoe zet je een leernetwerk op binnen je eigen school?",
  "Passend onderwijs: hoe verdelen jullie het ondersteuningsbudget?",
  "Gesprekken over functioneren met oudere collega's: hoe pak je dat aan?",
  "Wie heeft ervaring met een interne academie voor personeel?",
  "Hoe meet je of een professionaliseringsaanbod werkt?",
  "Digitale geletterdheid: wie heeft een doorlopende leerlijn?",
  "Hoe verbind je de visie van de school met het personeelsbeleid?",
  "Wie heeft ervaring met duobanen in de schoolleiding?",
  "Hoe ga je om met een teamlid dat niet mee wil in de vernieuwing?",
  "Begroting en meerjarenraming: welke tool gebruiken jullie?",
  "Hoe organiseren jullie intervisie voor teamleiders?",
  "Leerlingen betrekken bij schoolontwikkeling: goede voorbeelden?",
  "Hoe maak je het jaarverslag leesbaar voor ouders?",
  "Wie heeft een beleid voor zij-instromers?",
  "Hoe houden jullie het gesprek over onderwijskwaliteit levend in het team?",
  "Ervaringen met een externe coach voor de schoolleiding?",
  "Hoe bereid je een visitatie voor?",
  "Wie werkt met een personeelsmonitor en wat doe je met de uitkomsten?",
  "Hoe begin je aan een nieuw strategisch beleidsplan?",
  "Krimp in de regio: werken jullie samen met andere besturen?",
  "Hoe regel je de opvolging van de schoolleider goed?",
  "Wie heeft goede ervaringen met 360-gradenfeedback?",
  "Hoe ga je om met media-aandacht na een incident?",
];

const answers = [
  "Bij ons werkt het goed om dit eerst met de teamleiders te verkennen en pas daarna met het hele team.",
  "Wij hebben hier vorig jaar mee geworsteld. Ik stuur je ons stuk; bel gerust als je vragen hebt.",
  "Herkenbaar! Wij zijn begonnen met een kleine pilot in één afdeling en hebben daarna opgeschaald.",
  "Let op de rol van de MR: betrek ze vroeg, dan voorkom je veel gedoe achteraf.",
  "Wij gebruiken het model van de VO-raad, met een paar aanpassingen voor onze eigen situatie.",
  "Mijn ervaring: maak het niet te groot. Twee of drie duidelijke afspraken werken beter dan een dik protocol.",
  "Ik heb goede ervaringen met een externe procesbegeleider hiervoor; die kan ik aanraden.",
  "Bij ons bleek vooral tijd het probleem. We hebben vaste momenten in het rooster ingebouwd.",
  "Interessante vraag. Kunnen we dit op de volgende bijeenkomst als casus bespreken?",
  "Wij hebben dit samen met twee andere scholen in de regio opgepakt; dat scheelde veel werk.",
  "Zie de bijlage van de PO-raad hierover, die is nog steeds bruikbaar.",
  "Ik zou beginnen bij de vraag wat je ermee wilt bereiken; de vorm volgt dan vanzelf.",
  "Wij evalueren dit elk halfjaar met het team; dat houdt het levend.",
  "Dank voor de vraag, ik ben benieuwd naar de antwoorden van de anderen.",
];

/** A fixed sequence of "random" numbers so the demo is the same on every machine. */
function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

async function networkByName(tx: Tx, name: string) {
  const [network] = await tx.select().from(networks).where(eq(networks.name, name));
  if (!network) throw new Error(`demo network ${name} missing`);
  const members = await tx
    .select({ userId: networkMembers.userId, email: users.email, role: networkMembers.role })
    .from(networkMembers)
    .innerJoin(users, eq(users.id, networkMembers.userId))
    .where(and(eq(networkMembers.networkId, network.id), eq(networkMembers.status, "active")))
    .orderBy(asc(networkMembers.joinedAt), asc(users.email));
  return { network, members };
}

export async function seedBetweenMeetings(tx: Tx, now = new Date()) {
  const { network, members } = await networkByName(tx, "Eindverantwoordelijk Schoolleiders");
  const random = sequence(2026);
  const day = 24 * 3600_000;
  // Roughly four questions a month over the past eleven months, oldest first.
  for (const [index, title] of questions.entries()) {
    const askedAt = new Date(now.getTime() - (335 - index * 7.2) * day - 5 * 3600_000);
    const asker = members[Math.floor(random() * members.length)];
    if (!asker) continue;
    const lively = random() < 0.7;
    const count = lively ? 7 + Math.floor(random() * 4) : 1 + Math.floor(random() * 4);
    const [topic] = await tx
      .insert(discussionTopics)
      .values({
        networkId: network.id,
        authorId: asker.userId,
        kind: "question",
        title,
        body: `${title}\n\nIk ben benieuwd hoe jullie dit aanpakken en wat je anders zou doen als je opnieuw begon.`,
        themes: network.themes.slice(0, 1 + (index % 2)),
        via: index % 5 === 0 ? "email" : "web",
        createdAt: askedAt,
        lastActivityAt: askedAt,
      })
      .returning({ id: discussionTopics.id });
    if (!topic) continue;
    let last = askedAt;
    const others = members.filter((m) => m.userId !== asker.userId);
    for (let i = 0; i < count && i < others.length; i++) {
      const author = others[(index + i * 3) % others.length];
      if (!author) continue;
      // within the week when the network is lively, later otherwise
      const hours = lively ? 2 + i * 14 * random() + i * 6 : 20 + i * 60;
      const at = new Date(askedAt.getTime() + hours * 3600_000);
      if (at > now) break;
      last = at > last ? at : last;
      await tx.insert(discussionPosts).values({
        topicId: topic.id,
        networkId: network.id,
        authorId: author.userId,
        body: answers[(index + i) % answers.length] ?? "",
        via: (index + i) % 4 === 0 ? "email" : "web",
        helpful: i === 1 && lively,
        createdAt: at,
      });
    }
    await tx
      .update(discussionTopics)
      .set({ lastActivityAt: last })
      .where(eq(discussionTopics.id, topic.id));
  }
  // The members kept up until four weeks ago: what happened since is "nieuw" for them, the rest is
  // read, as in a network people follow (without this every topic would show as unread).
  const readUntil = new Date(now.getTime() - 28 * day);
  await tx.execute(sql`insert into discussion_reads (topic_id, user_id, seen_at)
    select t.id, m.user_id, t.last_activity_at from discussion_topics t
    join network_members m on m.network_id = t.network_id and m.status = 'active'
    where t.network_id = ${network.id} and t.last_activity_at < ${readUntil.toISOString()}::timestamptz
    on conflict do nothing`);

  // Buddy groups of three, Jozef Geurtzen's among them; three members are left for the suggestion.
  const penvoerder = members.find((m) => m.role === "penvoerder");
  const participants = members.filter((m) => m.role === "deelnemer");
  const jozef = participants.find((m) => m.email === "jozef.geurtzen@knooppunt.test");
  const rest = participants.filter((m) => m !== jozef);
  const groupsOfThree = [
    [jozef, rest[0], rest[1]],
    [rest[2], rest[3], rest[4]],
    [rest[5], rest[6], rest[7]],
  ];
  for (const [index, group] of groupsOfThree.entries()) {
    const people = group.filter((m): m is NonNullable<typeof m> => !!m);
    if (people.length < 2) continue;
    const [row] = await tx
      .insert(buddyGroups)
      .values({ networkId: network.id, createdBy: penvoerder?.userId ?? null })
      .returning({ id: buddyGroups.id });
    if (!row) continue;
    await tx
      .insert(buddyGroupMembers)
      .values(people.map((m) => ({ groupId: row.id, networkId: network.id, userId: m.userId })));
    if (index === 0) {
      await tx.insert(buddyNotes).values([
        {
          groupId: row.id,
          authorId: people[0]?.userId ?? null,
          body: "Fijn gesprek in de auto terug van de bijeenkomst. Wat in de auto wordt besproken, blijft in de auto.",
          createdAt: new Date(now.getTime() - 20 * day),
        },
        {
          groupId: row.id,
          authorId: people[1]?.userId ?? null,
          body: "Mijn ontwikkelvraag voor deze periode: **hoe delegeer ik meer** aan de teamleiders zonder het overzicht te verliezen?",
          createdAt: new Date(now.getTime() - 12 * day),
        },
      ]);
      await tx.insert(buddyAgreements).values([
        {
          groupId: row.id,
          text: "Elke zes weken een uur bellen",
          createdBy: people[0]?.userId ?? null,
        },
        {
          groupId: row.id,
          text: "Ieder neemt een voorbeeld mee van een lastig gesprek",
          createdBy: people[1]?.userId ?? null,
          doneAt: new Date(now.getTime() - 5 * day),
        },
      ]);
      const next = new Date(now.getTime() + 16 * day);
      next.setUTCHours(15, 0, 0, 0);
      await tx.insert(buddyMeetings).values({
        groupId: row.id,
        startsAt: next,
        endsAt: new Date(next.getTime() + 90 * 60_000),
        place: "Station Amersfoort, koffiebar",
        createdBy: people[0]?.userId ?? null,
      });
    }
  }

  // Seed V: "ik vorm er eentje met vijf vrouwen uit het noorden van het land".
  const leadership = await networkByName(tx, "Vrouwelijk Leiderschap 1");
  const jacqueline = leadership.members.find(
    (m) => m.email === "jacqueline.schoones@knooppunt.test",
  );
  const five = [
    jacqueline,
    ...leadership.members.filter((m) => m !== jacqueline).slice(0, 4),
  ].filter((m): m is NonNullable<typeof m> => !!m);
  const [group] = await tx
    .insert(intervisionGroups)
    .values({ networkId: leadership.network.id, name: "Vijf uit het noorden" })
    .returning({ id: intervisionGroups.id });
  const [balint] = await tx
    .select()
    .from(intervisionMethods)
    .where(eq(intervisionMethods.name, "Balintmethode"));
  if (group && balint && jacqueline) {
    await tx
      .insert(intervisionGroupMembers)
      .values(five.map((m) => ({ groupId: group.id, userId: m.userId })));
    const [session] = await tx
      .insert(intervisionSessions)
      .values({
        groupId: group.id,
        caseOwnerId: jacqueline.userId,
        caseTitle: "Wat laat ik zien van mijn twijfels?",
        caseText:
          "Ik merk dat ik in het managementteam mijn twijfels over de nieuwe koers niet durf te laten zien. Hoeveel kwetsbaarheid past bij mijn rol?",
        methodId: balint.id,
        steps: balint.steps,
        currentStep: balint.steps.length,
        stepStartedAt: new Date(now.getTime() - 30 * day),
        insight: "Mijn twijfel benoemen maakt ruimte voor die van anderen; dat is geen zwakte.",
        nextStep: "In het volgende MT-overleg één twijfel hardop delen en kijken wat er gebeurt.",
        createdAt: new Date(now.getTime() - 31 * day),
        completedAt: new Date(now.getTime() - 30 * day),
      })
      .returning({ id: intervisionSessions.id });
    if (session) {
      await tx.insert(intervisionNotes).values([
        {
          sessionId: session.id,
          authorId: five[1]?.userId ?? null,
          stepIndex: 2,
          body: "Ik kreeg het beeld van iemand die een zware rugzak draagt en niemand laat helpen.",
        },
        {
          sessionId: session.id,
          authorId: five[2]?.userId ?? null,
          stepIndex: 2,
          body: "Ben ik wel goed genoeg? Die vraag herken ik zo.",
        },
      ]);
    }
  }
}
