import { asc, eq, inArray, sql } from "drizzle-orm";
import {
  actionPlanItems,
  actionPlans,
  competenceFrameworks,
  competenceStatements,
  harvestOutcomes,
  harvestPeople,
  networks,
  polls,
  pollVoters,
  selfScanScores,
  selfScans,
  storedFiles,
  surveyAnswers,
  surveyInvitations,
  surveyItems,
  surveyResponses,
  surveys,
} from "#app/db/schema/index.ts";
import type { ModulePersonalData, PersonalDataProvider } from "#app/platform/personal-data.ts";

const duringNetwork = {
  nl: "Zolang het netwerk bestaat; verdwijnt met het netwerk.",
  en: "As long as the network exists; goes with the network.",
};
const createdByTombstone = {
  nl: "Blijft staan; wie het aanmaakte wijst na het wissen naar het 'Oud-lid'-account.",
  en: "Stays; who created it points to the 'Oud-lid' account after erasure.",
};
const self = { nl: "de persoon zelf", en: "the person" };
const organiser = { nl: "de begeleider of coördinator", en: "the facilitator or coordinator" };

export const personalData: ModulePersonalData = {
  module: "evaluation",
  description: {
    nl: "Evaluatie: vragenlijsten, rangordepeilingen, zelfscans en actieplannen, opbrengsten en goede voorbeelden.",
    en: "Evaluation: surveys, ranking polls, self-scans and action plans, outcomes and good practices.",
  },
  declarations: [
    {
      table: "polls",
      columns: ["created_by"],
      data: { nl: "wie een peiling opzette", en: "who set up a poll" },
      purpose: { nl: "Peilingen beheren.", en: "Managing polls." },
      legalGround: "agreement",
      source: organiser,
      retention: duringNetwork,
      erasure: "anonymise",
      erasureNote: createdByTombstone,
    },
    {
      table: "poll_voters",
      columns: ["user_id"],
      data: {
        nl: "dat iemand stemde (niet wat: de stembriefjes dragen geen naam)",
        en: "that someone voted (not what: ballots carry no name)",
      },
      purpose: {
        nl: "Eén stem per persoon, en de opkomst.",
        en: "One vote per person, and the turnout.",
      },
      legalGround: "agreement",
      source: { nl: "het platform", en: "the platform" },
      retention: duringNetwork,
      erasure: "anonymise",
      erasureNote: {
        nl: "Blijft staan bij het 'Oud-lid'-account, zodat de opkomst klopt; de stem zelf was al niet te herleiden.",
        en: "Stays with the 'Oud-lid' account so the turnout holds; the vote itself could not be traced already.",
      },
    },
    {
      table: "surveys",
      columns: ["created_by"],
      data: { nl: "wie een vragenlijst opzette", en: "who set up a survey" },
      purpose: { nl: "Vragenlijsten beheren.", en: "Managing surveys." },
      legalGround: "agreement",
      source: organiser,
      retention: duringNetwork,
      erasure: "anonymise",
      erasureNote: createdByTombstone,
    },
    {
      table: "survey_invitations",
      columns: ["user_id", "token_hash", "answered"],
      data: {
        nl: "wie uitgenodigd is en of die antwoordde (niet wat)",
        en: "who was invited and whether they answered (not what)",
      },
      purpose: {
        nl: "Eenmalige links, herinneringen en de respons.",
        en: "One-time links, reminders and the response rate.",
      },
      legalGround: "agreement",
      source: { nl: "het platform", en: "the platform" },
      retention: duringNetwork,
      erasure: "anonymise",
      erasureNote: {
        nl: "Blijft staan bij het 'Oud-lid'-account, zodat de respons klopt; de link werkt niet meer.",
        en: "Stays with the 'Oud-lid' account so the response rate holds; the link no longer works.",
      },
    },
    {
      table: "survey_responses",
      columns: ["user_id"],
      data: {
        nl: "wie een niet-anonieme vragenlijst invulde (bij anonieme vragenlijsten wordt niemand bewaard)",
        en: "who filled in a non-anonymous survey (for anonymous surveys nobody is stored)",
      },
      purpose: {
        nl: "De evaluatie van het netwerk.",
        en: "Evaluating the network.",
      },
      legalGround: "public-task",
      source: self,
      retention: duringNetwork,
      erasure: "anonymise",
      erasureNote: {
        nl: "Anonieme antwoorden zijn al niet te herleiden en blijven. Bij een niet-anonieme vragenlijst wordt de persoon losgekoppeld: de scores tellen mee, open antwoorden (die kunnen verraden wie schreef) verdwijnen.",
        en: "Anonymous answers cannot be traced already and stay. For a non-anonymous survey the person is unlinked: the scores still count, open answers (which may reveal who wrote them) go.",
      },
    },
    {
      table: "survey_answers",
      columns: ["response_id", "text"],
      data: { nl: "antwoorden op een vragenlijst", en: "answers to a survey" },
      purpose: { nl: "De evaluatie van het netwerk.", en: "Evaluating the network." },
      legalGround: "public-task",
      source: self,
      retention: duringNetwork,
      erasure: "anonymise",
      erasureNote: {
        nl: "Zie survey_responses.",
        en: "See survey_responses.",
      },
    },
    {
      table: "harvest_outcomes",
      columns: ["created_by", "learning_question_id", "title", "answer", "file_id"],
      data: {
        nl: "opbrengsten van een netwerk en goede voorbeelden, met wie ze vastlegde",
        en: "a network's outcomes and good practices, with who recorded them",
      },
      purpose: {
        nl: "Wat het netwerk vond delen, binnen het netwerk en (met toestemming) publiek.",
        en: "Sharing what the network found, within it and (with consent) publicly.",
      },
      legalGround: "public-task",
      source: { nl: "de leden van het netwerk", en: "the network's members" },
      retention: {
        nl: "Zolang het netwerk bestaat; gepubliceerde goede voorbeelden zolang het platform draait.",
        en: "As long as the network exists; published good practices as long as the platform runs.",
      },
      erasure: "anonymise",
      erasureNote: createdByTombstone,
    },
    {
      table: "harvest_people",
      columns: ["user_id", "consent_at"],
      data: {
        nl: "wie een opbrengst noemt en of die instemde met publicatie",
        en: "who an outcome names and whether they agreed to publication",
      },
      purpose: {
        nl: "Publiceren alleen als iedereen die genoemd wordt instemt.",
        en: "Publishing only when everyone named agrees.",
      },
      legalGround: "consent",
      source: { nl: "de leden van het netwerk", en: "the network's members" },
      retention: duringNetwork,
      erasure: "delete",
      erasureNote: {
        nl: "De opbrengst noemt de persoon niet meer.",
        en: "The outcome no longer names the person.",
      },
    },
    {
      table: "competence_frameworks",
      columns: ["created_by"],
      data: { nl: "wie een competentieprofiel laadde", en: "who loaded a competence framework" },
      purpose: { nl: "Profielen beheren.", en: "Managing frameworks." },
      legalGround: "agreement",
      source: organiser,
      retention: {
        nl: "Zolang het profiel gebruikt wordt.",
        en: "As long as the framework is used.",
      },
      erasure: "anonymise",
      erasureNote: createdByTombstone,
    },
    {
      table: "self_scans",
      columns: ["user_id"],
      data: { nl: "een zelfscan en de scores", en: "a self-scan and its scores" },
      purpose: {
        nl: "De eigen ontwikkeling in beeld brengen.",
        en: "Picturing one's own development.",
      },
      legalGround: "consent",
      source: self,
      retention: {
        nl: "Tot de persoon het account verwijdert.",
        en: "Until the person deletes their account.",
      },
      erasure: "delete",
      erasureNote: { nl: "Verwijderd, met de scores.", en: "Deleted, with the scores." },
    },
    {
      table: "self_scan_scores",
      columns: ["scan_id", "score"],
      data: { nl: "de scores van een zelfscan", en: "the scores of a self-scan" },
      purpose: {
        nl: "De eigen ontwikkeling in beeld brengen.",
        en: "Picturing one's own development.",
      },
      legalGround: "consent",
      source: self,
      retention: { nl: "Met de zelfscan.", en: "With the self-scan." },
      erasure: "delete",
      erasureNote: { nl: "Gaan mee met de zelfscan.", en: "Go with the self-scan." },
    },
    {
      table: "action_plans",
      columns: ["user_id", "scan_id", "learning_question_id", "shared_with"],
      data: {
        nl: "een actieplan met doelen, acties en data; met wie het gedeeld is",
        en: "an action plan with goals, actions and dates; with whom it is shared",
      },
      purpose: {
        nl: "Werken aan de eigen ontwikkeling, eventueel met maatje of begeleider.",
        en: "Working on one's own development, possibly with a buddy or facilitator.",
      },
      legalGround: "consent",
      source: self,
      retention: {
        nl: "Tot de persoon het account verwijdert.",
        en: "Until the person deletes their account.",
      },
      erasure: "delete",
      erasureNote: { nl: "Verwijderd, met de doelen.", en: "Deleted, with the goals." },
    },
    {
      table: "action_plan_items",
      columns: ["plan_id", "goal", "action"],
      data: { nl: "doelen en acties van een actieplan", en: "goals and actions of an action plan" },
      purpose: {
        nl: "Werken aan de eigen ontwikkeling.",
        en: "Working on one's own development.",
      },
      legalGround: "consent",
      source: self,
      retention: {
        nl: "Met het actieplan.",
        en: "With the action plan.",
      },
      erasure: "delete",
      erasureNote: { nl: "Gaan mee met het plan.", en: "Go with the plan." },
    },
  ],
};

export const personalDataProvider: PersonalDataProvider = {
  module: "evaluation",
  async export(db, userId) {
    const [voted, invited, ownAnswers, outcomes, named, scans, scores, plans, planItems] =
      await Promise.all([
        db
          .select({ title: polls.title, question: polls.question })
          .from(pollVoters)
          .innerJoin(polls, eq(polls.id, pollVoters.pollId))
          .where(eq(pollVoters.userId, userId)),
        db
          .select({
            network: networks.name,
            survey: surveys.title,
            anonymous: surveys.anonymous,
            answered: surveyInvitations.answered,
          })
          .from(surveyInvitations)
          .innerJoin(surveys, eq(surveys.id, surveyInvitations.surveyId))
          .innerJoin(networks, eq(networks.id, surveys.networkId))
          .where(eq(surveyInvitations.userId, userId)),
        db
          .select({
            survey: surveys.title,
            item: surveyItems.text,
            score: surveyAnswers.score,
            text: surveyAnswers.text,
          })
          .from(surveyResponses)
          .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
          .innerJoin(surveyAnswers, eq(surveyAnswers.responseId, surveyResponses.id))
          .innerJoin(surveyItems, eq(surveyItems.id, surveyAnswers.itemId))
          .where(eq(surveyResponses.userId, userId))
          .orderBy(asc(surveys.title), asc(surveyItems.position)),
        db
          .select({
            network: networks.name,
            title: harvestOutcomes.title,
            answer: harvestOutcomes.answer,
            fileId: harvestOutcomes.fileId,
            fileName: storedFiles.name,
            publishedAt: harvestOutcomes.publishedAt,
            createdAt: harvestOutcomes.createdAt,
          })
          .from(harvestOutcomes)
          .innerJoin(networks, eq(networks.id, harvestOutcomes.networkId))
          .leftJoin(storedFiles, eq(storedFiles.id, harvestOutcomes.fileId))
          .where(eq(harvestOutcomes.createdBy, userId)),
        db
          .select({ outcome: harvestOutcomes.title, consentAt: harvestPeople.consentAt })
          .from(harvestPeople)
          .innerJoin(harvestOutcomes, eq(harvestOutcomes.id, harvestPeople.outcomeId))
          .where(eq(harvestPeople.userId, userId)),
        db
          .select({
            id: selfScans.id,
            framework: competenceFrameworks.name,
            createdAt: selfScans.createdAt,
          })
          .from(selfScans)
          .innerJoin(competenceFrameworks, eq(competenceFrameworks.id, selfScans.frameworkId))
          .where(eq(selfScans.userId, userId))
          .orderBy(asc(selfScans.createdAt)),
        db
          .select({
            scanId: selfScanScores.scanId,
            competence: competenceStatements.competence,
            statement: competenceStatements.text,
            score: selfScanScores.score,
          })
          .from(selfScanScores)
          .innerJoin(selfScans, eq(selfScans.id, selfScanScores.scanId))
          .innerJoin(competenceStatements, eq(competenceStatements.id, selfScanScores.statementId))
          .where(eq(selfScans.userId, userId))
          .orderBy(asc(competenceStatements.position)),
        db
          .select({
            id: actionPlans.id,
            sharedWith: actionPlans.sharedWith,
            createdAt: actionPlans.createdAt,
          })
          .from(actionPlans)
          .where(eq(actionPlans.userId, userId)),
        db
          .select({
            planId: actionPlanItems.planId,
            goal: actionPlanItems.goal,
            action: actionPlanItems.action,
            dueDate: actionPlanItems.dueDate,
          })
          .from(actionPlanItems)
          .innerJoin(actionPlans, eq(actionPlans.id, actionPlanItems.planId))
          .where(eq(actionPlans.userId, userId))
          .orderBy(asc(actionPlanItems.position)),
      ]);
    return {
      data: {
        pollsVotedIn: voted,
        pollVotesNote:
          "Een stem wordt zonder naam bewaard en is dus niet aan u te koppelen; alleen dat u stemde staat hier. / A ballot is stored without a name and cannot be tied to you; only that you voted is listed.",
        surveyInvitations: invited,
        surveyAnswers: ownAnswers,
        anonymousSurveyNote:
          "Antwoorden op anonieme vragenlijsten worden zonder naam bewaard en zijn niet aan u te koppelen. / Answers to anonymous surveys are stored without a name and cannot be tied to you.",
        outcomesRecorded: outcomes.map(({ fileId: _, ...o }) => o),
        outcomesNamingMe: named,
        selfScans: scans.map(({ id, ...scan }) => ({
          ...scan,
          scores: scores.filter((s) => s.scanId === id).map(({ scanId: __, ...s }) => s),
        })),
        actionPlans: plans.map(({ id, ...plan }) => ({
          ...plan,
          items: planItems.filter((i) => i.planId === id).map(({ planId: __, ...i }) => i),
        })),
      },
      files: outcomes.flatMap((o) =>
        o.fileId ? [{ storedFileId: o.fileId, name: o.fileName ?? "bestand" }] : [],
      ),
    };
  },
  // Files of outcomes they recorded stay with the outcome (a published good practice may show them):
  // stored_files.uploaded_by alone is no reason to delete a file (agreed with erasure helper A).
  async erase(tx, userId) {
    await tx.delete(selfScans).where(eq(selfScans.userId, userId));
    await tx.delete(actionPlans).where(eq(actionPlans.userId, userId));
    await tx.delete(harvestPeople).where(eq(harvestPeople.userId, userId));
    // A one-time link in their old mailbox must not answer for the tombstone.
    await tx
      .update(surveyInvitations)
      .set({ tokenHash: sql`'erased:' || gen_random_uuid()::text` })
      .where(eq(surveyInvitations.userId, userId));
    const responses = tx
      .select({ id: surveyResponses.id })
      .from(surveyResponses)
      .where(eq(surveyResponses.userId, userId));
    await tx
      .update(surveyAnswers)
      .set({ text: "" })
      .where(inArray(surveyAnswers.responseId, responses));
    await tx
      .update(surveyResponses)
      .set({ userId: null })
      .where(eq(surveyResponses.userId, userId));
  },
};
