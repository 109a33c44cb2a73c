import { and, asc, eq, inArray, ne } from "drizzle-orm";
import {
  buddyAgreements,
  buddyGroupMembers,
  buddyNotes,
  intervisionGroupMembers,
  intervisionGroups,
  intervisionNotes,
  intervisionSessions,
  networks,
  users,
} from "#app/db/schema/index.ts";
import type { ModulePersonalData, PersonalDataProvider } from "#app/platform/personal-data.ts";

const duringGroup = {
  nl: "Zolang de groep bestaat; verdwijnt met de groep of het netwerk.",
  en: "As long as the group exists; goes with the group or the network.",
};
const self = { nl: "de persoon zelf", en: "the person" };
const createdByTombstone = {
  nl: "Blijft voor de groep staan; wie het aanmaakte wijst naar het 'Oud-lid'-account.",
  en: "Stays for the group; who created it points to the 'Oud-lid' account.",
};

export const personalData: ModulePersonalData = {
  module: "peergroups",
  description: {
    nl: "Maatjes en intervisie: kleine, vertrouwelijke groepen binnen een netwerk.",
    en: "Buddies and intervision: small, confidential groups within a network.",
  },
  declarations: [
    {
      table: "buddy_groups",
      columns: ["created_by"],
      data: { nl: "wie een maatjesgroep vormde", en: "who formed a buddy group" },
      purpose: { nl: "Maatjesgroepen beheren.", en: "Managing buddy groups." },
      legalGround: "agreement",
      source: { nl: "de begeleider of de deelnemer", en: "the facilitator or the participant" },
      retention: duringGroup,
      erasure: "anonymise",
      erasureNote: createdByTombstone,
    },
    {
      table: "buddy_group_members",
      columns: ["user_id"],
      data: { nl: "wie elkaars maatje is", en: "who is whose buddy" },
      purpose: {
        nl: "Maatjes delen een vertrouwelijke ruimte en feedback op elkaars werk.",
        en: "Buddies share a confidential space and feedback on each other's work.",
      },
      legalGround: "agreement",
      source: { nl: "de begeleider of de deelnemer", en: "the facilitator or the participant" },
      retention: duringGroup,
      erasure: "delete",
      erasureNote: {
        nl: "De persoon verdwijnt uit de groep.",
        en: "The person leaves the group.",
      },
    },
    {
      table: "buddy_notes",
      columns: ["author_id", "body"],
      data: {
        nl: "notities in de vertrouwelijke maatjesruimte",
        en: "notes in the confidential buddy space",
      },
      purpose: { nl: "Samen leren als maatjes.", en: "Learning together as buddies." },
      legalGround: "agreement",
      source: self,
      retention: duringGroup,
      erasure: "delete",
      erasureNote: {
        nl: "Eigen notities worden verwijderd; die van de maatjes blijven.",
        en: "One's own notes are deleted; the buddies' notes stay.",
      },
    },
    {
      table: "buddy_agreements",
      columns: ["created_by", "text"],
      data: { nl: "afspraken van de maatjes", en: "the buddies' agreements" },
      purpose: { nl: "Samen leren als maatjes.", en: "Learning together as buddies." },
      legalGround: "agreement",
      source: self,
      retention: duringGroup,
      erasure: "anonymise",
      erasureNote: createdByTombstone,
    },
    {
      table: "buddy_meetings",
      columns: ["created_by", "place"],
      data: { nl: "wanneer en waar maatjes afspreken", en: "when and where buddies meet" },
      purpose: { nl: "Samen leren als maatjes.", en: "Learning together as buddies." },
      legalGround: "agreement",
      source: self,
      retention: duringGroup,
      erasure: "anonymise",
      erasureNote: createdByTombstone,
    },
    {
      table: "intervision_groups",
      columns: ["created_by"],
      data: { nl: "wie een intervisiegroep vormde", en: "who formed an intervision group" },
      purpose: { nl: "Intervisiegroepen beheren.", en: "Managing intervision groups." },
      legalGround: "agreement",
      source: { nl: "de begeleider", en: "the facilitator" },
      retention: duringGroup,
      erasure: "anonymise",
      erasureNote: createdByTombstone,
    },
    {
      table: "intervision_group_members",
      columns: ["user_id"],
      data: { nl: "wie in een intervisiegroep zit", en: "who is in an intervision group" },
      purpose: {
        nl: "Alleen de groep leest haar casussen.",
        en: "Only the group reads its cases.",
      },
      legalGround: "agreement",
      source: { nl: "de begeleider", en: "the facilitator" },
      retention: duringGroup,
      erasure: "delete",
      erasureNote: {
        nl: "De persoon verdwijnt uit de groep.",
        en: "The person leaves the group.",
      },
    },
    {
      table: "intervision_sessions",
      columns: ["case_owner_id", "case_title", "case_text", "insight", "next_step"],
      data: {
        nl: "een ingebrachte casus, met inzicht en vervolgstap van de inbrenger",
        en: "a case brought in, with the case owner's insight and next step",
      },
      purpose: {
        nl: "Intervisie: de groep denkt mee over de casus.",
        en: "Intervision: the group thinks along about the case.",
      },
      legalGround: "consent",
      source: self,
      retention: {
        nl: "Tot de inbrenger de casus verwijdert (dat mag altijd), of met de groep.",
        en: "Until the case owner deletes the case (always allowed), or with the group.",
      },
      erasure: "delete",
      erasureNote: {
        nl: "Eigen casussen worden verwijderd, met wat de groep erbij noteerde.",
        en: "One's own cases are deleted, with what the group noted on them.",
      },
    },
    {
      table: "intervision_notes",
      columns: ["author_id", "body"],
      data: { nl: "notities bij een intervisiesessie", en: "notes in an intervision session" },
      purpose: {
        nl: "Intervisie: de groep denkt mee over de casus.",
        en: "Intervision: the group thinks along about the case.",
      },
      legalGround: "consent",
      source: self,
      retention: {
        nl: "Zolang de casus bestaat.",
        en: "As long as the case exists.",
      },
      erasure: "delete",
      erasureNote: {
        nl: "Eigen notities worden verwijderd, ook bij casussen van anderen.",
        en: "One's own notes are deleted, also on others' cases.",
      },
    },
    {
      table: "confidential_audit",
      columns: ["actor_id"],
      data: {
        nl: "wat er in een vertrouwelijke groep gebeurde en door wie (nooit wat er gezegd werd)",
        en: "what happened in a confidential group and by whom (never what was said)",
      },
      purpose: {
        nl: "Verantwoording over de vertrouwelijke ruimtes.",
        en: "Accountability for the confidential spaces.",
      },
      legalGround: "legitimate-interest",
      source: { nl: "het platform", en: "the platform" },
      retention: {
        nl: "Zolang het platform draait.",
        en: "As long as the platform runs.",
      },
      erasure: "keep",
      erasureNote: {
        nl: "Bevat alleen een account-id, geen naam of tekst; dat id wijst na het wissen naar het 'Oud-lid'-account.",
        en: "Holds only an account id, no name or text; after erasure that id points to the 'Oud-lid' account.",
      },
    },
  ],
};

export const personalDataProvider: PersonalDataProvider = {
  module: "peergroups",
  async export(db, userId) {
    const buddyGroupIds = db
      .select({ id: buddyGroupMembers.groupId })
      .from(buddyGroupMembers)
      .where(eq(buddyGroupMembers.userId, userId));
    const [buddies, notes, agreements, groups, cases, notesOnCases, ownNotes] = await Promise.all([
      db
        .select({
          groupId: buddyGroupMembers.groupId,
          network: networks.name,
          buddy: users.name,
        })
        .from(buddyGroupMembers)
        .innerJoin(networks, eq(networks.id, buddyGroupMembers.networkId))
        .innerJoin(users, eq(users.id, buddyGroupMembers.userId))
        .where(inArray(buddyGroupMembers.groupId, buddyGroupIds)),
      db
        .select({
          groupId: buddyNotes.groupId,
          body: buddyNotes.body,
          createdAt: buddyNotes.createdAt,
        })
        .from(buddyNotes)
        .where(eq(buddyNotes.authorId, userId))
        .orderBy(asc(buddyNotes.createdAt)),
      db
        .select({
          groupId: buddyAgreements.groupId,
          text: buddyAgreements.text,
          doneAt: buddyAgreements.doneAt,
          createdAt: buddyAgreements.createdAt,
        })
        .from(buddyAgreements)
        .where(eq(buddyAgreements.createdBy, userId)),
      db
        .select({ network: networks.name, group: intervisionGroups.name })
        .from(intervisionGroupMembers)
        .innerJoin(intervisionGroups, eq(intervisionGroups.id, intervisionGroupMembers.groupId))
        .innerJoin(networks, eq(networks.id, intervisionGroups.networkId))
        .where(eq(intervisionGroupMembers.userId, userId)),
      db
        .select({
          id: intervisionSessions.id,
          group: intervisionGroups.name,
          caseTitle: intervisionSessions.caseTitle,
          caseText: intervisionSessions.caseText,
          insight: intervisionSessions.insight,
          nextStep: intervisionSessions.nextStep,
          createdAt: intervisionSessions.createdAt,
          completedAt: intervisionSessions.completedAt,
        })
        .from(intervisionSessions)
        .innerJoin(intervisionGroups, eq(intervisionGroups.id, intervisionSessions.groupId))
        .where(eq(intervisionSessions.caseOwnerId, userId))
        .orderBy(asc(intervisionSessions.createdAt)),
      // What the group noted on their own case, as the session page showed it to them.
      db
        .select({
          sessionId: intervisionNotes.sessionId,
          stepIndex: intervisionNotes.stepIndex,
          body: intervisionNotes.body,
        })
        .from(intervisionNotes)
        .innerJoin(intervisionSessions, eq(intervisionSessions.id, intervisionNotes.sessionId))
        .where(eq(intervisionSessions.caseOwnerId, userId))
        .orderBy(asc(intervisionNotes.createdAt)),
      // Their notes on others' cases: their words only, not the other's case.
      db
        .select({
          group: intervisionGroups.name,
          body: intervisionNotes.body,
          createdAt: intervisionNotes.createdAt,
        })
        .from(intervisionNotes)
        .innerJoin(intervisionSessions, eq(intervisionSessions.id, intervisionNotes.sessionId))
        .innerJoin(intervisionGroups, eq(intervisionGroups.id, intervisionSessions.groupId))
        .where(
          and(eq(intervisionNotes.authorId, userId), ne(intervisionSessions.caseOwnerId, userId)),
        )
        .orderBy(asc(intervisionNotes.createdAt)),
    ]);
    const groupIds = [...new Set(buddies.map((b) => b.groupId))];
    return {
      data: {
        buddyGroups: groupIds.map((id) => ({
          network: buddies.find((b) => b.groupId === id)?.network,
          buddies: buddies.filter((b) => b.groupId === id).map((b) => b.buddy),
          myNotes: notes.filter((n) => n.groupId === id).map(({ groupId: _, ...n }) => n),
          myAgreements: agreements.filter((a) => a.groupId === id).map(({ groupId: _, ...a }) => a),
        })),
        intervisionGroups: groups,
        intervisionCases: cases.map(({ id, ...c }) => ({
          ...c,
          notes: notesOnCases.filter((n) => n.sessionId === id).map(({ sessionId: _, ...n }) => n),
        })),
        intervisionNotesOnOthersCases: ownNotes,
      },
    };
  },
  async erase(tx, userId) {
    await tx.delete(buddyNotes).where(eq(buddyNotes.authorId, userId));
    await tx.delete(buddyGroupMembers).where(eq(buddyGroupMembers.userId, userId));
    await tx.delete(intervisionSessions).where(eq(intervisionSessions.caseOwnerId, userId));
    await tx.delete(intervisionNotes).where(eq(intervisionNotes.authorId, userId));
    await tx.delete(intervisionGroupMembers).where(eq(intervisionGroupMembers.userId, userId));
  },
};
