import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  enrolmentRoutes,
  networkMembers,
  networks,
  organisations,
  users,
  waitingList,
} from "#app/db/schema/index.ts";
import type { ModulePersonalData, PersonalDataProvider } from "#app/platform/personal-data.ts";

export const personalData: ModulePersonalData = {
  module: "memberships",
  description: {
    nl: "Lidmaatschap van netwerken: aanmelden, voordragen, intake, de wachtlijst en je rol in het netwerk.",
    en: "Network membership: enrolling, nominating, intake, the waiting list and your role in the network.",
  },
  declarations: [
    {
      table: "network_members",
      columns: [
        "user_id",
        "nominated_by",
        "motivation",
        "learning_question_draft",
        "nomination_note",
        "decision_message",
      ],
      data: {
        nl: "je lidmaatschappen: netwerk, rol, status, route, school, prijs, je motivatie en eerste leervraag, wie je voordroeg met diens toelichting, het bericht bij de intakebeslissing, wanneer je begon, stopte en de route afrondde",
        en: "your memberships: network, role, status, route, school, price, your motivation and first learning question, who nominated you with their note, the message with the intake decision, when you joined, left and completed the route",
      },
      purpose: {
        nl: "Deelnemen aan het netwerk; de penvoerder beslist over de intake en ziet wie er lid is.",
        en: "Taking part in the network; the penvoerder decides the intake and sees who is a member.",
      },
      legalGround: "agreement",
      source: {
        nl: "de persoon zelf, wie hem voordroeg en de penvoerder",
        en: "the person, whoever nominated them and the penvoerder",
      },
      retention: {
        nl: "Zolang het netwerk bestaat; een beëindigd lidmaatschap blijft als geschiedenis van het netwerk.",
        en: "As long as the network exists; an ended membership stays as the network's history.",
      },
      erasure: "delete",
      erasureNote: {
        nl: "Je lidmaatschappen (ook beëindigde en afgewezen) worden verwijderd: geen ledenlijst of geschiedenis noemt je nog. Aanwezigheid hangt niet aan het lidmaatschap en blijft meetellen; een uitgegeven certificaat blijft geldig. Heb je iemand anders voorgedragen, dan blijft die voordracht staan zonder jouw naam en zonder jouw toelichting.",
        en: "Your memberships (ended and declined ones too) are deleted: no member list or history names you any more. Attendance does not hang on the membership and keeps counting; an issued certificate stays valid. Where you nominated someone else, that nomination stays, without your name or your note.",
      },
    },
    {
      table: "waiting_list",
      columns: ["user_id", "motivation", "learning_question_draft"],
      data: {
        nl: "je plek op een wachtlijst: netwerk, route, school, je motivatie en eerste leervraag, een aangeboden plek",
        en: "your place on a waiting list: network, route, school, your motivation and first learning question, an offered place",
      },
      purpose: {
        nl: "Je een plek aanbieden zodra die vrijkomt.",
        en: "Offering you a place as soon as one frees up.",
      },
      legalGround: "agreement",
      source: { nl: "de persoon zelf", en: "the person" },
      retention: {
        nl: "Zolang het netwerk bestaat.",
        en: "As long as the network exists.",
      },
      erasure: "delete",
      erasureNote: {
        nl: "Je verdwijnt van elke wachtlijst; een aangeboden plek vervalt.",
        en: "You leave every waiting list; an offered place lapses.",
      },
    },
  ],
};

const nominator = alias(users, "nominator");
const nominee = alias(users, "nominee");

export const personalDataProvider: PersonalDataProvider = {
  module: "memberships",
  async export(db, userId) {
    const [memberships, waiting, nominated] = await Promise.all([
      db
        .select({
          network: networks.name,
          role: networkMembers.role,
          status: networkMembers.status,
          route: enrolmentRoutes.name,
          school: organisations.name,
          priceCents: networkMembers.priceCents,
          motivation: networkMembers.motivation,
          learningQuestionDraft: networkMembers.learningQuestionDraft,
          nominatedBy: nominator.name,
          nominationNote: networkMembers.nominationNote,
          decisionMessage: networkMembers.decisionMessage,
          createdAt: networkMembers.createdAt,
          joinedAt: networkMembers.joinedAt,
          leftAt: networkMembers.leftAt,
          routeCompletedAt: networkMembers.routeCompletedAt,
        })
        .from(networkMembers)
        .innerJoin(networks, eq(networks.id, networkMembers.networkId))
        .leftJoin(enrolmentRoutes, eq(enrolmentRoutes.id, networkMembers.routeId))
        .leftJoin(organisations, eq(organisations.id, networkMembers.organisationId))
        .leftJoin(nominator, eq(nominator.id, networkMembers.nominatedBy))
        .where(eq(networkMembers.userId, userId))
        .orderBy(asc(networkMembers.createdAt)),
      db
        .select({
          network: networks.name,
          route: enrolmentRoutes.name,
          school: organisations.name,
          status: waitingList.status,
          motivation: waitingList.motivation,
          learningQuestionDraft: waitingList.learningQuestionDraft,
          offerExpiresAt: waitingList.offerExpiresAt,
          createdAt: waitingList.createdAt,
        })
        .from(waitingList)
        .innerJoin(networks, eq(networks.id, waitingList.networkId))
        .leftJoin(enrolmentRoutes, eq(enrolmentRoutes.id, waitingList.routeId))
        .leftJoin(organisations, eq(organisations.id, waitingList.organisationId))
        .where(eq(waitingList.userId, userId))
        .orderBy(asc(waitingList.createdAt)),
      // Their own act: whom they put forward, and what they wrote with it.
      db
        .select({
          network: networks.name,
          nominee: nominee.name,
          nominationNote: networkMembers.nominationNote,
          createdAt: networkMembers.createdAt,
        })
        .from(networkMembers)
        .innerJoin(networks, eq(networks.id, networkMembers.networkId))
        .innerJoin(nominee, eq(nominee.id, networkMembers.userId))
        .where(eq(networkMembers.nominatedBy, userId))
        .orderBy(asc(networkMembers.createdAt)),
    ]);
    return { data: { memberships, waitingList: waiting, nominations: nominated } };
  },
  async erase(tx, userId) {
    // What they wrote about someone they nominated is their text and may name them; the
    // nomination itself is the nominee's and stays for the intake.
    // Runs after meetings, progress and register: attendance refers to the account, not the
    // membership, and survives; step completions and conversations (which cascade from the
    // membership) were already that person's to lose; a certificate loses only its member link.
    await tx.delete(networkMembers).where(eq(networkMembers.userId, userId));
    await tx.delete(waitingList).where(eq(waitingList.userId, userId));
    await tx
      .update(networkMembers)
      .set({ nominatedBy: null, nominationNote: "" })
      .where(eq(networkMembers.nominatedBy, userId));
  },
};
