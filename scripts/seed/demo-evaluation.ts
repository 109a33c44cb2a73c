// The seed's figure 2 as a closed ranking poll of the VO-academie, with one set of 53 top 3s
// that gives exactly the published totals.
import { eq } from "drizzle-orm";
import type { Tx } from "../../app/db/client.server.ts";
import {
  harvestOutcomes,
  harvestPeople,
  networks,
  organisations,
  pollBallots,
  pollOptions,
  polls,
  programmes,
  users,
} from "../../app/db/schema/index.ts";
import { figureTwoBallots, figureTwoOptions } from "../../app/modules/evaluation/figure-two.ts";

export async function seedEvaluation(tx: Tx) {
  const [academy] = await tx.select().from(programmes).where(eq(programmes.name, "VO-academie"));
  const [poll] = await tx
    .insert(polls)
    .values({
      programmeId: academy?.id ?? null,
      title: "Leer-top 3 van schoolleiders",
      question:
        "Welke vormen van informeel leren vind jij het meest waardevol? Zet je top 3 op volgorde.",
      source:
        "Hulsbos e.a. (2014), Welten-instituut: 53 schoolleiders (figuur 2 in Samen leren in netwerken)",
      allowOther: true,
      closedAt: new Date("2014-12-01T12:00:00Z"),
    })
    .returning({ id: polls.id });
  if (!poll) return;
  const options = await tx
    .insert(pollOptions)
    .values(figureTwoOptions.map((label, position) => ({ pollId: poll.id, label, position })))
    .returning({ id: pollOptions.id, label: pollOptions.label });
  const idOf = new Map(options.map((o) => [o.label, o.id]));
  await tx.insert(pollBallots).values(
    figureTwoBallots().map((ballot) => {
      const [first, second, third] = ballot.ranked.map((label) =>
        label ? (idOf.get(label) ?? null) : null,
      );
      return { pollId: poll.id, first, second, third };
    }),
  );
}

/** One good practice from Netwerk Autopoiesis, shared with Anouk's and her school's consent. */
export async function seedGoodPractice(tx: Tx) {
  const [network] = await tx
    .select()
    .from(networks)
    .where(eq(networks.name, "Netwerk Autopoiesis"));
  const [anouk] = await tx
    .select()
    .from(users)
    .where(eq(users.email, "anouk.visser@knooppunt.test"));
  const [school] = await tx
    .select()
    .from(organisations)
    .where(eq(organisations.name, "Basisschool De Vlinderboom (demo)"));
  if (!network || !anouk) return;
  const now = new Date();
  const [outcome] = await tx
    .insert(harvestOutcomes)
    .values({
      networkId: network.id,
      title: "Het team eigenaar maken van begaafdheidsonderwijs",
      answer:
        "We begonnen niet met een plan maar met de vraag aan het team: wat zien jullie bij deze kinderen? Drie collega's werkten het uit als pilot, presenteerden het in de bouwvergadering en het team koos zelf de aanpak. Wat werkte: kleine stappen, zichtbare opbrengsten na zes weken en de missie van de school als toetssteen.",
      schoolId: school?.id ?? null,
      schoolConsentAt: school ? now : null,
      publishRequestedAt: now,
      publishedAt: now,
      createdBy: anouk.id,
    })
    .returning({ id: harvestOutcomes.id });
  if (outcome)
    await tx
      .insert(harvestPeople)
      .values({ outcomeId: outcome.id, userId: anouk.id, consentAt: now });
}
