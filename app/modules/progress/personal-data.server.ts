import { asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  conversations,
  learningQuestionRevisions,
  learningQuestions,
  networkMembers,
  networks,
  stepCompletions,
  storedFiles,
  users,
} from "#app/db/schema/index.ts";
import type { ModulePersonalData, PersonalDataProvider } from "#app/platform/personal-data.ts";

const duringNetwork = {
  nl: "Zolang het netwerk bestaat; verdwijnt met het netwerk.",
  en: "As long as the network exists; goes with the network.",
};

export const personalData: ModulePersonalData = {
  module: "progress",
  description: {
    nl: "De route van een deelnemer: leervraag, stappen, gesprekken met de begeleider en de presentatie.",
    en: "A participant's route: learning question, steps, conversations with the facilitator and the presentation.",
  },
  declarations: [
    {
      table: "learning_questions",
      columns: ["user_id", "text", "themes", "professional_themes"],
      data: {
        nl: "de leervraag van een deelnemer en de thema's erbij",
        en: "a participant's learning question and its themes",
      },
      purpose: {
        nl: "De deelnemer werkt in het netwerk aan de eigen leervraag; de begeleider volgt dat.",
        en: "The participant works on their own learning question in the network; the facilitator follows it.",
      },
      legalGround: "agreement",
      source: { nl: "de persoon zelf", en: "the person" },
      retention: duringNetwork,
      erasure: "delete",
      erasureNote: {
        nl: "Eigen leervragen worden verwijderd.",
        en: "One's own learning questions are deleted.",
      },
    },
    {
      table: "learning_question_revisions",
      columns: ["question_id", "text"],
      data: {
        nl: "eerdere versies van de leervraag",
        en: "earlier versions of the learning question",
      },
      purpose: {
        nl: "Laten zien hoe de leervraag zich ontwikkelde.",
        en: "Showing how the learning question developed.",
      },
      legalGround: "agreement",
      source: { nl: "de persoon zelf", en: "the person" },
      retention: duringNetwork,
      erasure: "delete",
      erasureNote: {
        nl: "Gaan mee met de leervraag.",
        en: "Go with the learning question.",
      },
    },
    {
      table: "step_completions",
      columns: ["member_id", "note", "link", "file_id"],
      data: {
        nl: "afgeronde stappen van de route, met toelichting, link of bestand (zoals de presentatie)",
        en: "completed steps of the route, with a note, link or file (such as the presentation)",
      },
      purpose: {
        nl: "Voortgang op de route en de afronding die tot het bewijs van deelname leidt.",
        en: "Progress on the route and the completion that leads to the certificate.",
      },
      legalGround: "agreement",
      source: {
        nl: "de persoon zelf of de begeleider",
        en: "the person or the facilitator",
      },
      retention: duringNetwork,
      erasure: "delete",
      erasureNote: {
        nl: "Verwijderd, met de eigen bestanden; een al uitgegeven bewijs van deelname staat in het register en blijft daar.",
        en: "Deleted, with one's own files; a certificate already issued lives in the register and stays there.",
      },
    },
    {
      table: "conversations",
      columns: ["member_id", "facilitator_id", "private_note", "shared_summary"],
      data: {
        nl: "intake-, ontwikkel- en eindgesprekken: tijden, gedeelde samenvatting, privénotitie van de begeleider",
        en: "intake, development and closing conversations: times, shared summary, the facilitator's private note",
      },
      purpose: {
        nl: "De begeleiding van de deelnemer op de route.",
        en: "Guiding the participant along the route.",
      },
      legalGround: "agreement",
      source: { nl: "de begeleider en de deelnemer", en: "the facilitator and the participant" },
      retention: duringNetwork,
      erasure: "delete",
      erasureNote: {
        nl: "Gesprekken van de deelnemer worden verwijderd, ook de privénotitie van de begeleider erover. Wordt de begeleider gewist, dan blijft het gesprek voor de deelnemer staan bij 'Oud-lid' en verdwijnt de privénotitie, die niemand anders mag lezen.",
        en: "The participant's conversations are deleted, the facilitator's private note on them too. When the facilitator is erased, the conversation stays for the participant under 'Oud-lid' and the private note, which nobody else may read, goes.",
      },
    },
    {
      table: "conversation_slots",
      columns: ["conversation_id", "starts_at", "ends_at"],
      data: {
        nl: "voorgestelde tijden voor een gesprek",
        en: "proposed times for a conversation",
      },
      purpose: {
        nl: "Een gesprek inplannen.",
        en: "Scheduling a conversation.",
      },
      legalGround: "agreement",
      source: { nl: "de begeleider", en: "the facilitator" },
      retention: { nl: "Met het gesprek.", en: "With the conversation." },
      erasure: "delete",
      erasureNote: { nl: "Gaan mee met het gesprek.", en: "Go with the conversation." },
    },
  ],
};

/*
 * step_completions and conversations refer to network_members (cascade): they are erased here
 * explicitly, before memberships runs, so nothing depends on what memberships does with its rows
 * (agreement with erasure helper A). Step files are deleted here by id; files are not deleted
 * for their uploaded_by alone, since some modules keep a former member's uploads.
 */
export const personalDataProvider: PersonalDataProvider = {
  module: "progress",
  async export(db, userId) {
    const memberships = db
      .select({ id: networkMembers.id })
      .from(networkMembers)
      .where(eq(networkMembers.userId, userId));
    const facilitator = alias(users, "facilitator");
    const [questions, revisions, steps, own, held] = await Promise.all([
      db
        .select({
          id: learningQuestions.id,
          network: networks.name,
          text: learningQuestions.text,
          themes: learningQuestions.themes,
          professionalThemes: learningQuestions.professionalThemes,
          updatedAt: learningQuestions.updatedAt,
        })
        .from(learningQuestions)
        .innerJoin(networks, eq(networks.id, learningQuestions.networkId))
        .where(eq(learningQuestions.userId, userId)),
      db
        .select({
          questionId: learningQuestionRevisions.questionId,
          text: learningQuestionRevisions.text,
          createdAt: learningQuestionRevisions.createdAt,
        })
        .from(learningQuestionRevisions)
        .innerJoin(
          learningQuestions,
          eq(learningQuestions.id, learningQuestionRevisions.questionId),
        )
        .where(eq(learningQuestions.userId, userId))
        .orderBy(asc(learningQuestionRevisions.createdAt)),
      db
        .select({
          network: networks.name,
          stepNumber: stepCompletions.stepNumber,
          note: stepCompletions.note,
          link: stepCompletions.link,
          fileId: stepCompletions.fileId,
          fileName: storedFiles.name,
          completedAt: stepCompletions.completedAt,
        })
        .from(stepCompletions)
        .innerJoin(networkMembers, eq(networkMembers.id, stepCompletions.memberId))
        .innerJoin(networks, eq(networks.id, networkMembers.networkId))
        .leftJoin(storedFiles, eq(storedFiles.id, stepCompletions.fileId))
        .where(eq(networkMembers.userId, userId))
        .orderBy(asc(stepCompletions.completedAt)),
      // As participant: the shared summary, never the facilitator's private note.
      db
        .select({
          network: networks.name,
          kind: conversations.kind,
          status: conversations.status,
          startsAt: conversations.startsAt,
          endsAt: conversations.endsAt,
          facilitator: facilitator.name,
          sharedSummary: conversations.sharedSummary,
        })
        .from(conversations)
        .innerJoin(networkMembers, eq(networkMembers.id, conversations.memberId))
        .innerJoin(networks, eq(networks.id, networkMembers.networkId))
        .innerJoin(facilitator, eq(facilitator.id, conversations.facilitatorId))
        .where(inArray(conversations.memberId, memberships))
        .orderBy(asc(conversations.createdAt)),
      // As facilitator: the private notes are their own writing, so they get them. The
      // participant is someone else, whose rights a copy may not harm (AVG art. 15(4)): the
      // conversation is named by network and date only, never by the participant's name or id.
      db
        .select({
          network: networks.name,
          kind: conversations.kind,
          status: conversations.status,
          startsAt: conversations.startsAt,
          privateNote: conversations.privateNote,
          sharedSummary: conversations.sharedSummary,
        })
        .from(conversations)
        .innerJoin(networkMembers, eq(networkMembers.id, conversations.memberId))
        .innerJoin(networks, eq(networks.id, networkMembers.networkId))
        .where(eq(conversations.facilitatorId, userId))
        .orderBy(asc(conversations.createdAt)),
    ]);
    return {
      data: {
        learningQuestions: questions.map((q) => ({
          ...q,
          revisions: revisions
            .filter((r) => r.questionId === q.id)
            .map(({ questionId: _, ...r }) => r),
        })),
        steps: steps.map(({ fileId: _, ...step }) => step),
        conversations: own,
        conversationsHeldAsFacilitator: held,
      },
      files: steps.flatMap((s) =>
        s.fileId ? [{ storedFileId: s.fileId, name: s.fileName ?? "bestand" }] : [],
      ),
    };
  },
  async erase(tx, userId) {
    const memberships = tx
      .select({ id: networkMembers.id })
      .from(networkMembers)
      .where(eq(networkMembers.userId, userId));
    await tx.delete(learningQuestions).where(eq(learningQuestions.userId, userId));
    const files = await tx
      .delete(stepCompletions)
      .where(inArray(stepCompletions.memberId, memberships))
      .returning({ fileId: stepCompletions.fileId });
    const fileIds = files.flatMap((f) => (f.fileId ? [f.fileId] : []));
    if (fileIds.length) await tx.delete(storedFiles).where(inArray(storedFiles.id, fileIds));
    await tx.delete(conversations).where(inArray(conversations.memberId, memberships));
    await tx
      .update(conversations)
      .set({ privateNote: "" })
      .where(eq(conversations.facilitatorId, userId));
  },
};
