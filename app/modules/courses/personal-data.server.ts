import { asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  assignments,
  networks,
  storedFiles,
  submissionFeedback,
  submissions,
  users,
} from "#app/db/schema/index.ts";
import type { ModulePersonalData, PersonalDataProvider } from "#app/platform/personal-data.ts";

const duringCourse = {
  nl: "Zolang de leergang bestaat; verdwijnt met de leergang.",
  en: "As long as the course exists; goes with the course.",
};

export const personalData: ModulePersonalData = {
  module: "courses",
  description: {
    nl: "Leergangen: opdrachten, ingeleverd werk en feedback van docent en maatje.",
    en: "Courses: assignments, handed-in work and feedback from teacher and buddy.",
  },
  declarations: [
    {
      table: "submissions",
      columns: ["user_id", "text", "reflection", "file_id"],
      data: {
        nl: "ingeleverd werk, persoonlijke reflectie en bijgevoegd bestand",
        en: "handed-in work, personal reflection and attached file",
      },
      purpose: {
        nl: "De opdrachten van de leergang maken en er feedback op krijgen.",
        en: "Doing the course's assignments and getting feedback on them.",
      },
      legalGround: "agreement",
      source: { nl: "de persoon zelf", en: "the person" },
      retention: duringCourse,
      erasure: "delete",
      erasureNote: {
        nl: "Eigen werk en bestanden worden verwijderd, met de feedback erop.",
        en: "One's own work and files are deleted, with the feedback on them.",
      },
    },
    {
      table: "submission_feedback",
      columns: ["author_id", "submission_id", "text"],
      data: {
        nl: "feedback van docent of maatje op ingeleverd werk",
        en: "feedback from teacher or buddy on handed-in work",
      },
      purpose: {
        nl: "De deelnemer leert van de feedback op het eigen werk.",
        en: "The participant learns from the feedback on their work.",
      },
      legalGround: "agreement",
      source: { nl: "de docent of het maatje", en: "the teacher or the buddy" },
      retention: duringCourse,
      erasure: "anonymise",
      erasureNote: {
        nl: "Feedback die het oud-lid aan een ander gaf blijft voor die ander staan, met 'Oud-lid' als afzender; feedback op het eigen werk verdwijnt met dat werk.",
        en: "Feedback the former member gave someone else stays for that person, signed 'Oud-lid'; feedback on their own work goes with that work.",
      },
    },
  ],
};

export const personalDataProvider: PersonalDataProvider = {
  module: "courses",
  async export(db, userId) {
    const author = alias(users, "author");
    const [work, received, given] = await Promise.all([
      db
        .select({
          id: submissions.id,
          network: networks.name,
          assignment: assignments.title,
          dueAt: assignments.dueAt,
          text: submissions.text,
          reflection: submissions.reflection,
          fileId: submissions.fileId,
          fileName: storedFiles.name,
          submittedAt: submissions.submittedAt,
        })
        .from(submissions)
        .innerJoin(assignments, eq(assignments.id, submissions.assignmentId))
        .innerJoin(networks, eq(networks.id, assignments.networkId))
        .leftJoin(storedFiles, eq(storedFiles.id, submissions.fileId))
        .where(eq(submissions.userId, userId))
        .orderBy(asc(submissions.submittedAt)),
      db
        .select({
          submissionId: submissionFeedback.submissionId,
          author: author.name,
          authorRole: submissionFeedback.authorRole,
          text: submissionFeedback.text,
          createdAt: submissionFeedback.createdAt,
        })
        .from(submissionFeedback)
        .innerJoin(submissions, eq(submissions.id, submissionFeedback.submissionId))
        .innerJoin(author, eq(author.id, submissionFeedback.authorId))
        .where(eq(submissions.userId, userId))
        .orderBy(asc(submissionFeedback.createdAt)),
      // Feedback they wrote: their words, not the other person's work.
      db
        .select({
          network: networks.name,
          assignment: assignments.title,
          authorRole: submissionFeedback.authorRole,
          text: submissionFeedback.text,
          createdAt: submissionFeedback.createdAt,
        })
        .from(submissionFeedback)
        .innerJoin(submissions, eq(submissions.id, submissionFeedback.submissionId))
        .innerJoin(assignments, eq(assignments.id, submissions.assignmentId))
        .innerJoin(networks, eq(networks.id, assignments.networkId))
        .where(eq(submissionFeedback.authorId, userId))
        .orderBy(asc(submissionFeedback.createdAt)),
    ]);
    return {
      data: {
        submissions: work.map(({ id, fileId: _, ...submission }) => ({
          ...submission,
          feedback: received
            .filter((f) => f.submissionId === id)
            .map(({ submissionId: __, ...f }) => f),
        })),
        feedbackGiven: given,
      },
      files: work.flatMap((s) =>
        s.fileId ? [{ storedFileId: s.fileId, name: s.fileName ?? "bestand" }] : [],
      ),
    };
  },
  async erase(tx, userId) {
    // Feedback by them on others' work stays, under the tombstone's "Oud-lid".
    const removed = await tx
      .delete(submissions)
      .where(eq(submissions.userId, userId))
      .returning({ fileId: submissions.fileId });
    const fileIds = removed.flatMap((s) => (s.fileId ? [s.fileId] : []));
    if (fileIds.length) await tx.delete(storedFiles).where(inArray(storedFiles.id, fileIds));
  },
};
