import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import {
  analysisItems,
  initiativeInvolvement,
  initiativeStepNotes,
  initiatives,
  kenniswebItems,
  networkAnalyses,
  networkMembers,
  networkProgrammes,
  organisationMembers,
  programmePilots,
  programmeSignups,
  storedFiles,
  themeSchakels,
  themes,
  users,
} from "#app/db/schema/index.ts";
import { erasedName } from "#app/modules/accounts/personal-data.server.ts";
import type { ModulePersonalData, PersonalDataProvider } from "#app/platform/personal-data.ts";

const duringSpace = {
  nl: "Zolang de school of het netwerk het bewaart; de school of het netwerk ruimt zelf op.",
  en: "As long as the school or network keeps it; the school or network clears it itself.",
};
const colleagues = {
  nl: "collega's in de school of het netwerk",
  en: "colleagues in the school or network",
};
const self = { nl: "de persoon zelf", en: "the person" };
const createdByTombstone = {
  nl: "Blijft voor de school of het netwerk; wie het aanmaakte wijst na het wissen naar het 'Oud-lid'-account.",
  en: "Stays for the school or network; who created it points to the 'Oud-lid' account after erasure.",
};
const purpose = {
  nl: "De netwerklerende school: initiatieven, thema's en wie wat weet zichtbaar maken en verbinden.",
  en: "The network-learning school: making initiatives, themes and who knows what visible and connected.",
};

export const personalData: ModulePersonalData = {
  module: "toolkit",
  description: {
    nl: "De gereedschapskist van de netwerklerende school: initiatieven, betrokkenheid, thema's, netwerkanalyses, programma's en het kennisweb.",
    en: "The network-learning school's toolkit: initiatives, involvement, themes, network analyses, programmes and the kennisweb.",
  },
  declarations: [
    {
      table: "initiatives",
      columns: ["created_by"],
      data: { nl: "wie een initiatief startte", en: "who started an initiative" },
      purpose,
      legalGround: "public-task",
      source: colleagues,
      retention: duringSpace,
      erasure: "anonymise",
      erasureNote: createdByTombstone,
    },
    {
      table: "initiative_step_notes",
      columns: ["author_id", "note"],
      data: {
        nl: "notities bij een stap van een initiatief",
        en: "notes on a step of an initiative",
      },
      purpose,
      legalGround: "public-task",
      source: colleagues,
      retention: duringSpace,
      erasure: "anonymise",
      erasureNote: {
        nl: "Gedeelde werknotities van het initiatief; ze blijven, met 'Oud-lid' als auteur.",
        en: "The initiative's shared working notes; they stay, signed 'Oud-lid'.",
      },
    },
    {
      table: "initiative_involvement",
      columns: ["user_id", "note"],
      data: {
        nl: "de positie van iemand bij een initiatief (initiatiefnemer, partner, schakel, leverancier, gebruiker), interesse of hulpaanbod",
        en: "someone's position in an initiative (initiator, partner, link, supplier, user), interest or offer of help",
      },
      purpose,
      legalGround: "public-task",
      source: { nl: "de persoon zelf of de initiatiefnemers", en: "the person or the initiators" },
      retention: duringSpace,
      erasure: "delete",
      erasureNote: {
        nl: "Alle posities, ook de geschiedenis, worden verwijderd: de kennis- en netwerkkaart en 'wie weet wat' noemen de persoon niet meer.",
        en: "All positions, history included, are deleted: the knowledge map and 'who knows what' no longer name the person.",
      },
    },
    {
      table: "themes",
      columns: ["created_by"],
      data: { nl: "wie een thema aanmaakte", en: "who created a theme" },
      purpose,
      legalGround: "public-task",
      source: colleagues,
      retention: duringSpace,
      erasure: "anonymise",
      erasureNote: createdByTombstone,
    },
    {
      table: "theme_schakels",
      columns: ["user_id"],
      data: { nl: "wie schakel is voor een thema", en: "who is the link for a theme" },
      purpose,
      legalGround: "public-task",
      source: colleagues,
      retention: duringSpace,
      erasure: "delete",
      erasureNote: {
        nl: "De persoon is geen schakel meer.",
        en: "The person is no longer a link.",
      },
    },
    {
      table: "network_analyses",
      columns: ["created_by"],
      data: { nl: "wie een netwerkanalyse maakte", en: "who made a network analysis" },
      purpose,
      legalGround: "public-task",
      source: colleagues,
      retention: duringSpace,
      erasure: "anonymise",
      erasureNote: createdByTombstone,
    },
    {
      table: "analysis_items",
      columns: ["user_id", "created_by", "label", "email", "story"],
      data: {
        nl: "schakels in een netwerkanalyse: naam, e-mailadres, het verhaal voor die persoon",
        en: "links in a network analysis: name, e-mail address, the story for that person",
      },
      purpose,
      legalGround: "public-task",
      source: colleagues,
      retention: duringSpace,
      erasure: "anonymise",
      erasureNote: {
        nl: "Een schakel die de persoon is (gekoppeld account, zijn e-mailadres, of precies zijn naam in een analyse van zijn school of netwerk) heet voortaan 'Oud-lid', zonder e-mailadres en verhaal; de tekening blijft kloppen.",
        en: "A link that is the person (linked account, their e-mail address, or exactly their name in an analysis of their school or network) is called 'Oud-lid' from then on, without e-mail address and story; the picture stays whole.",
      },
    },
    {
      table: "analysis_links",
      columns: ["schakel_id", "ingredient_id"],
      data: {
        nl: "welke schakel welk ingrediënt verbindt",
        en: "which link connects which ingredient",
      },
      purpose,
      legalGround: "public-task",
      source: colleagues,
      retention: duringSpace,
      erasure: "keep",
      erasureNote: {
        nl: "Verwijst naar de schakel, die bij het wissen 'Oud-lid' gaat heten.",
        en: "Points to the link, which is renamed 'Oud-lid' on erasure.",
      },
    },
    {
      table: "analysis_positions",
      columns: ["item_id", "position"],
      data: {
        nl: "de positie van een schakel door de tijd",
        en: "a link's position over time",
      },
      purpose,
      legalGround: "public-task",
      source: colleagues,
      retention: duringSpace,
      erasure: "keep",
      erasureNote: {
        nl: "Verwijst naar de schakel, die bij het wissen 'Oud-lid' gaat heten.",
        en: "Points to the link, which is renamed 'Oud-lid' on erasure.",
      },
    },
    {
      table: "network_programmes",
      columns: ["created_by"],
      data: { nl: "wie een netwerkprogramma startte", en: "who started a network programme" },
      purpose,
      legalGround: "public-task",
      source: colleagues,
      retention: duringSpace,
      erasure: "anonymise",
      erasureNote: createdByTombstone,
    },
    {
      table: "programme_signups",
      columns: ["user_id"],
      data: {
        nl: "aanmelding voor denkgroep, doegroep of nieuwsbrief",
        en: "sign-up for think group, do group or newsletter",
      },
      purpose,
      legalGround: "consent",
      source: self,
      retention: duringSpace,
      erasure: "delete",
      erasureNote: { nl: "Verwijderd.", en: "Deleted." },
    },
    {
      table: "programme_pilots",
      columns: ["participants"],
      data: {
        nl: "wie meedoet aan een pilot (vrije tekst)",
        en: "who takes part in a pilot (free text)",
      },
      purpose,
      legalGround: "public-task",
      source: colleagues,
      retention: duringSpace,
      erasure: "anonymise",
      erasureNote: {
        nl: "Vrije tekst: precies de naam van de persoon wordt 'Oud-lid' in pilots van zijn school of netwerk; andere vermeldingen past de school op verzoek aan.",
        en: "Free text: exactly the person's name becomes 'Oud-lid' in pilots of their school or network; other mentions the school edits on request.",
      },
    },
    {
      table: "kennisweb_items",
      columns: ["created_by"],
      data: {
        nl: "wie iets aan het kennisweb toevoegde",
        en: "who added something to the kennisweb",
      },
      purpose,
      legalGround: "public-task",
      source: colleagues,
      retention: duringSpace,
      erasure: "anonymise",
      erasureNote: {
        nl: "Het kennisweb is de kennis van het thema en blijft, ook de bestanden; wie het toevoegde wijst na het wissen naar het 'Oud-lid'-account.",
        en: "The kennisweb is the theme's knowledge and stays, files included; who added it points to the 'Oud-lid' account after erasure.",
      },
    },
  ],
};

/** Regular-expression text that matches `text` literally. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The schools and networks the person belongs (or belonged) to: where their name may be typed. */
function theirSpaces(userId: string) {
  return sql`(select ${organisationMembers.organisationId} from ${organisationMembers} where ${organisationMembers.userId} = ${userId}
    union select ${networkMembers.networkId} from ${networkMembers} where ${networkMembers.userId} = ${userId})`;
}

export const personalDataProvider: PersonalDataProvider = {
  module: "toolkit",
  async export(db, userId) {
    const [person] = await db
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, userId));
    const [started, positions, notes, createdThemes, schakelOf, namedIn, signups, kennisweb] =
      await Promise.all([
        db
          .select({
            name: initiatives.name,
            goal: initiatives.goal,
            createdAt: initiatives.createdAt,
          })
          .from(initiatives)
          .where(eq(initiatives.createdBy, userId)),
        db
          .select({
            initiative: initiatives.name,
            position: initiativeInvolvement.position,
            kind: initiativeInvolvement.kind,
            note: initiativeInvolvement.note,
            since: initiativeInvolvement.since,
            until: initiativeInvolvement.until,
          })
          .from(initiativeInvolvement)
          .innerJoin(initiatives, eq(initiatives.id, initiativeInvolvement.initiativeId))
          .where(eq(initiativeInvolvement.userId, userId))
          .orderBy(asc(initiativeInvolvement.since)),
        db
          .select({
            initiative: initiatives.name,
            step: initiativeStepNotes.step,
            note: initiativeStepNotes.note,
            createdAt: initiativeStepNotes.createdAt,
          })
          .from(initiativeStepNotes)
          .innerJoin(initiatives, eq(initiatives.id, initiativeStepNotes.initiativeId))
          .where(eq(initiativeStepNotes.authorId, userId)),
        db
          .select({ name: themes.name, schoolYear: themes.schoolYear })
          .from(themes)
          .where(eq(themes.createdBy, userId)),
        db
          .select({ theme: themes.name, schoolYear: themes.schoolYear })
          .from(themeSchakels)
          .innerJoin(themes, eq(themes.id, themeSchakels.themeId))
          .where(eq(themeSchakels.userId, userId)),
        // Analyses that name them as a schakel: what others wrote about them.
        db
          .select({
            centre: networkAnalyses.centre,
            label: analysisItems.label,
            email: analysisItems.email,
            story: analysisItems.story,
            invitedAt: analysisItems.invitedAt,
          })
          .from(analysisItems)
          .innerJoin(networkAnalyses, eq(networkAnalyses.id, analysisItems.analysisId))
          .where(
            or(
              eq(analysisItems.userId, userId),
              person?.email
                ? sql`lower(${analysisItems.email}) = lower(${person.email})`
                : sql`false`,
            ),
          ),
        db
          .select({ theme: themes.name, group: programmeSignups.group })
          .from(programmeSignups)
          .innerJoin(themes, eq(themes.id, programmeSignups.themeId))
          .where(eq(programmeSignups.userId, userId)),
        db
          .select({
            theme: themes.name,
            kind: kenniswebItems.kind,
            title: kenniswebItems.title,
            body: kenniswebItems.body,
            url: kenniswebItems.url,
            fileId: kenniswebItems.fileId,
            fileName: storedFiles.name,
            createdAt: kenniswebItems.createdAt,
          })
          .from(kenniswebItems)
          .innerJoin(themes, eq(themes.id, kenniswebItems.themeId))
          .leftJoin(storedFiles, eq(storedFiles.id, kenniswebItems.fileId))
          .where(eq(kenniswebItems.createdBy, userId)),
      ]);
    const programmes = await db
      .select({ theme: themes.name, startsOn: networkProgrammes.startsOn })
      .from(networkProgrammes)
      .innerJoin(themes, eq(themes.id, networkProgrammes.themeId))
      .where(eq(networkProgrammes.createdBy, userId));
    return {
      data: {
        initiativesStarted: started,
        positions,
        stepNotes: notes,
        themesCreated: createdThemes,
        schakelOfThemes: schakelOf,
        namedInNetworkAnalyses: namedIn,
        programmesStarted: programmes,
        programmeSignups: signups,
        kenniswebItems: kennisweb.map(({ fileId: _, ...item }) => item),
      },
      files: kennisweb.flatMap((k) =>
        k.fileId ? [{ storedFileId: k.fileId, name: k.fileName ?? "bestand" }] : [],
      ),
    };
  },
  /*
   * Agreement with erasure helper A (accounts): files a person uploaded to the kennisweb stay with
   * the theme, so stored_files.uploaded_by alone is no reason to delete a file. Whether the tombstone
   * still appears as "Oud-lid" on the knowledge map depends on organisation_members and
   * network_members (spacePeople), which organisations and memberships decide; the positions,
   * schakel roles and sign-ups that link a person there are deleted here.
   */
  async erase(tx, userId) {
    const [person] = await tx
      .select({ name: users.name, email: users.email })
      .from(users)
      .where(eq(users.id, userId));
    await tx.delete(initiativeInvolvement).where(eq(initiativeInvolvement.userId, userId));
    await tx.delete(themeSchakels).where(eq(themeSchakels.userId, userId));
    await tx.delete(programmeSignups).where(eq(programmeSignups.userId, userId));
    const name = person?.name.trim() ?? "";
    const spaces = theirSpaces(userId);
    const theirAnalyses = tx
      .select({ id: networkAnalyses.id })
      .from(networkAnalyses)
      .where(inArray(networkAnalyses.spaceId, spaces));
    await tx
      .update(analysisItems)
      .set({ userId: null, label: erasedName, email: "", story: "" })
      .where(
        or(
          eq(analysisItems.userId, userId),
          person?.email ? sql`lower(${analysisItems.email}) = lower(${person.email})` : undefined,
          name
            ? and(
                eq(analysisItems.kind, "schakel"),
                sql`lower(trim(${analysisItems.label})) = lower(${name})`,
                inArray(analysisItems.analysisId, theirAnalyses),
              )
            : undefined,
        ),
      );
    if (name) {
      const theirThemes = tx
        .select({ id: themes.id })
        .from(themes)
        .where(inArray(themes.spaceId, spaces));
      await tx
        .update(programmePilots)
        .set({
          participants: sql`regexp_replace(${programmePilots.participants}, ${literal(name)}, 'Oud-lid', 'gi')`,
        })
        .where(
          and(
            inArray(programmePilots.themeId, theirThemes),
            sql`${programmePilots.participants} ~* ${literal(name)}`,
          ),
        );
    }
  },
};
