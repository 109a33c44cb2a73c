import { asc, eq } from "drizzle-orm";
import {
  organisationMembers,
  organisations,
  programmeCoordinators,
  programmes,
  regions,
} from "#app/db/schema/index.ts";
import type { ModulePersonalData, PersonalDataProvider } from "#app/platform/personal-data.ts";

export const personalData: ModulePersonalData = {
  module: "organisations",
  description: {
    nl: "Scholen en besturen: waar je werkt en wie een programma coördineert.",
    en: "Schools and boards: where you work and who coordinates a programme.",
  },
  declarations: [
    {
      table: "organisation_members",
      columns: ["user_id"],
      data: {
        nl: "je werkplekken: school of bestuur, of de school het bevestigde, je rol (lid of beheerder) en team of sectie",
        en: "your workplaces: school or board, whether the school confirmed it, your role (member or admin) and team or section",
      },
      purpose: {
        nl: "Collega's van je school zien je, de school beheert wie er werkt, en een aanmelding voor een netwerk gaat via je school.",
        en: "Colleagues at your school see you, the school manages who works there, and enrolling in a network goes through your school.",
      },
      legalGround: "agreement",
      source: {
        nl: "de persoon zelf, bevestigd door de beheerders van de school of door de login met het schoolaccount",
        en: "the person, confirmed by the school's admins or by the login with the school account",
      },
      retention: {
        nl: "Tot je de werkplek weghaalt, de school hem afwijst of het account wordt verwijderd.",
        en: "Until you remove the workplace, the school declines it or the account is erased.",
      },
      erasure: "delete",
      erasureNote: {
        nl: "Je verdwijnt uit de ledenlijst van je scholen en besturen.",
        en: "You disappear from the member lists of your schools and boards.",
      },
    },
    {
      table: "programme_coordinators",
      columns: ["user_id"],
      data: {
        nl: "dat je een programma of academie coördineert, eventueel voor één regio",
        en: "that you coordinate a programme or academy, possibly for one region",
      },
      purpose: {
        nl: "Coördinatoren beoordelen steunaanvragen en zien de netwerken van hun programma.",
        en: "Coordinators decide support applications and see their programme's networks.",
      },
      legalGround: "agreement",
      source: { nl: "een platformbeheerder", en: "a platform admin" },
      retention: {
        nl: "Zolang je de rol hebt.",
        en: "As long as you hold the role.",
      },
      erasure: "delete",
      erasureNote: { nl: "De rol vervalt.", en: "The role ends." },
    },
  ],
};

export const personalDataProvider: PersonalDataProvider = {
  module: "organisations",
  async export(db, userId) {
    const [workplaces, coordinates] = await Promise.all([
      db
        .select({
          organisation: organisations.name,
          kind: organisations.kind,
          place: organisations.place,
          status: organisationMembers.status,
          role: organisationMembers.role,
          team: organisationMembers.team,
          since: organisationMembers.createdAt,
        })
        .from(organisationMembers)
        .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
        .where(eq(organisationMembers.userId, userId))
        .orderBy(asc(organisations.name)),
      db
        .select({ programme: programmes.name, region: regions.name })
        .from(programmeCoordinators)
        .innerJoin(programmes, eq(programmes.id, programmeCoordinators.programmeId))
        .leftJoin(regions, eq(regions.id, programmeCoordinators.regionId))
        .where(eq(programmeCoordinators.userId, userId))
        .orderBy(asc(programmes.name)),
    ]);
    return { data: { workplaces, coordinates } };
  },
  async erase(tx, userId) {
    await tx.delete(organisationMembers).where(eq(organisationMembers.userId, userId));
    await tx.delete(programmeCoordinators).where(eq(programmeCoordinators.userId, userId));
  },
};
