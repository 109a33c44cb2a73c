import { asc, eq } from "drizzle-orm";
import {
  networkPhaseChanges,
  networks,
  programmes,
  supportApplications,
} from "#app/db/schema/index.ts";
import type { ModulePersonalData, PersonalDataProvider } from "#app/platform/personal-data.ts";

const keptForNetwork = {
  nl: "Zolang het netwerk bestaat.",
  en: "As long as the network exists.",
};

export const personalData: ModulePersonalData = {
  module: "networks",
  description: {
    nl: "Leernetwerken: wie een netwerk startte, de fasen ervan en aanvragen voor steun van een programma.",
    en: "Learning networks: who started a network, its phases and applications for a programme's support.",
  },
  declarations: [
    {
      table: "networks",
      columns: ["created_by"],
      data: { nl: "wie het netwerk voorstelde", en: "who proposed the network" },
      purpose: {
        nl: "De voorsteller wordt de eerste penvoerder van het netwerk in oprichting.",
        en: "The proposer becomes the first penvoerder of the network in formation.",
      },
      legalGround: "agreement",
      source: { nl: "de persoon zelf", en: "the person" },
      retention: keptForNetwork,
      erasure: "anonymise",
      erasureNote: {
        nl: "Het netwerk blijft van zijn leden; het onthoudt niet meer wie het voorstelde.",
        en: "The network stays its members'; it no longer remembers who proposed it.",
      },
    },
    {
      table: "network_phase_changes",
      columns: ["changed_by"],
      data: {
        nl: "wie het netwerk naar een volgende fase bracht (met een toelichting over het netwerk)",
        en: "who moved the network to its next phase (with a note about the network)",
      },
      purpose: {
        nl: "De geschiedenis van het netwerk laten zien.",
        en: "Showing the network's history.",
      },
      legalGround: "agreement",
      source: { nl: "de penvoerder of begeleider", en: "the penvoerder or facilitator" },
      retention: keptForNetwork,
      erasure: "anonymise",
      erasureNote: {
        nl: "De fasewissel blijft in de geschiedenis van het netwerk, zonder naam.",
        en: "The phase change stays in the network's history, without a name.",
      },
    },
    {
      table: "support_applications",
      columns: ["submitted_by", "decided_by"],
      data: {
        nl: "wie een steunaanvraag voor het netwerk indiende en wie erover besliste",
        en: "who submitted a support application for the network and who decided it",
      },
      purpose: {
        nl: "De coördinator van het programma beoordeelt de aanvraag; het netwerk ziet de uitkomst.",
        en: "The programme's coordinator decides the application; the network sees the outcome.",
      },
      legalGround: "agreement",
      source: {
        nl: "de penvoerder en de coördinator van het programma",
        en: "the penvoerder and the programme's coordinator",
      },
      retention: keptForNetwork,
      erasure: "anonymise",
      erasureNote: {
        nl: "De aanvraag is van het netwerk en blijft, ook als ze nog open staat; ze noemt niet meer wie haar indiende of besliste.",
        en: "The application is the network's and stays, open or not; it no longer names who submitted or decided it.",
      },
    },
  ],
};

export const personalDataProvider: PersonalDataProvider = {
  module: "networks",
  async export(db, userId) {
    const [proposed, phases, submitted, decided] = await Promise.all([
      db
        .select({ network: networks.name, createdAt: networks.createdAt })
        .from(networks)
        .where(eq(networks.createdBy, userId))
        .orderBy(asc(networks.createdAt)),
      db
        .select({
          network: networks.name,
          phase: networkPhaseChanges.phase,
          note: networkPhaseChanges.note,
          changedAt: networkPhaseChanges.changedAt,
        })
        .from(networkPhaseChanges)
        .innerJoin(networks, eq(networks.id, networkPhaseChanges.networkId))
        .where(eq(networkPhaseChanges.changedBy, userId))
        .orderBy(asc(networkPhaseChanges.changedAt)),
      db
        .select({
          network: networks.name,
          programme: programmes.name,
          status: supportApplications.status,
          submittedAt: supportApplications.submittedAt,
          declarations: supportApplications.declarations,
        })
        .from(supportApplications)
        .innerJoin(networks, eq(networks.id, supportApplications.networkId))
        .innerJoin(programmes, eq(programmes.id, supportApplications.programmeId))
        .where(eq(supportApplications.submittedBy, userId))
        .orderBy(asc(supportApplications.submittedAt)),
      db
        .select({
          network: networks.name,
          programme: programmes.name,
          status: supportApplications.status,
          decidedAt: supportApplications.decidedAt,
          decisionNote: supportApplications.decisionNote,
        })
        .from(supportApplications)
        .innerJoin(networks, eq(networks.id, supportApplications.networkId))
        .innerJoin(programmes, eq(programmes.id, supportApplications.programmeId))
        .where(eq(supportApplications.decidedBy, userId))
        .orderBy(asc(supportApplications.decidedAt)),
    ]);
    return {
      data: {
        proposedNetworks: proposed,
        phaseChanges: phases,
        applicationsSubmitted: submitted,
        applicationsDecided: decided,
      },
    };
  },
  async erase(tx, userId) {
    await tx.update(networks).set({ createdBy: null }).where(eq(networks.createdBy, userId));
    await tx
      .update(networkPhaseChanges)
      .set({ changedBy: null })
      .where(eq(networkPhaseChanges.changedBy, userId));
    await tx
      .update(supportApplications)
      .set({ submittedBy: null })
      .where(eq(supportApplications.submittedBy, userId));
    await tx
      .update(supportApplications)
      .set({ decidedBy: null })
      .where(eq(supportApplications.decidedBy, userId));
  },
};
