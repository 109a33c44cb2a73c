import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { publicBaseUrl } from "#app/core/env.server.ts";
import type { Db, DbOrTx } from "#app/db/client.server.ts";
import { qualified } from "#app/db/qualified.ts";
import {
  assignments,
  buddyGroupMembers,
  courseDetails,
  literature,
  storedFiles,
  submissionFeedback,
  submissions,
  users,
} from "#app/db/schema/index.ts";
import { amsterdamToInstant } from "#app/i18n/dates.ts";
import type { Actor } from "#app/platform/actor.ts";
import { authorize, notFound } from "#app/platform/errors.ts";
import { storeUpload } from "#app/platform/files.server.ts";
import { FieldError } from "#app/platform/forms.ts";
import { isUuid } from "#app/platform/ids.ts";
import { sendTemplatedMail } from "#app/platform/mailer.server.ts";
import {
  type AuthorizedNetwork,
  requireNetworkRight,
  type SignedInNetwork,
} from "../networks/network-access.server.ts";
import {
  isNetworkGuide,
  isNetworkMember,
  type NetworkAccess,
} from "../networks/networks.policy.ts";
import { notify } from "../notifications/notify.server.ts";
import type { AssignmentInput, SubmissionInput } from "./courses.schema.ts";

/** The teacher of a course is its penvoerder or facilitator. */
function isTeacher(network: NetworkAccess) {
  return isNetworkGuide(network);
}

/** A course's pages are for its members; others get the 404. */
function requireInCourse(net: AuthorizedNetwork) {
  authorize(!!net.actor && isNetworkMember(net.access), "not-found");
}

/** Study load, assignments and literature: the course's teachers; run before validating. */
export function requireTeacher(net: AuthorizedNetwork) {
  requireNetworkRight(net, (_actor, access) => isTeacher(access));
}

/** Study load, shown on the public page of a course too. */
export async function getStudyLoad(db: DbOrTx, networkId: string) {
  const [row] = await db.select().from(courseDetails).where(eq(courseDetails.networkId, networkId));
  if (!row) return null;
  const contactHours = row.contactDays * row.hoursPerContactDay;
  return { ...row, contactHours, totalHours: contactHours + row.selfStudyHours };
}

export async function saveStudyLoad(
  db: Db,
  net: SignedInNetwork,
  input: { contactDays: number; hoursPerContactDay: number; selfStudyHours: number },
) {
  requireTeacher(net);
  const networkId = net.id;
  await db
    .insert(courseDetails)
    .values({ networkId, ...input })
    .onConflictDoUpdate({ target: courseDetails.networkId, set: input });
}

async function buddiesOf(db: DbOrTx, networkId: string, userId: string) {
  const rows = await db
    .select({ userId: users.id, name: users.name })
    .from(buddyGroupMembers)
    .innerJoin(users, eq(users.id, buddyGroupMembers.userId))
    .where(
      and(
        eq(buddyGroupMembers.networkId, networkId),
        sql`${buddyGroupMembers.groupId} = (select group_id from buddy_group_members where network_id = ${networkId} and user_id = ${userId})`,
        sql`${buddyGroupMembers.userId} <> ${userId}`,
      ),
    )
    .orderBy(asc(users.name));
  return rows;
}

/** The course overview: study load, assignments with my submission state, literature, my buddy. */
export async function getCourse(db: DbOrTx, net: SignedInNetwork) {
  requireInCourse(net);
  const { network, access, actor, id: networkId } = net;
  const [load, list, books, buddies] = await Promise.all([
    getStudyLoad(db, networkId),
    db
      .select({
        id: assignments.id,
        title: assignments.title,
        description: assignments.description,
        dueAt: assignments.dueAt,
        isFinal: assignments.isFinal,
        submittedAt: sql<Date | null>`(select ${qualified(submissions.submittedAt)} from ${submissions} where ${qualified(submissions.assignmentId)} = ${qualified(assignments.id)} and ${qualified(submissions.userId)} = ${actor.userId})`,
        submissionCount: sql<number>`(select count(*)::int from ${submissions} where ${qualified(submissions.assignmentId)} = ${qualified(assignments.id)})`,
      })
      .from(assignments)
      .where(eq(assignments.networkId, networkId))
      .orderBy(asc(assignments.dueAt)),
    db
      .select()
      .from(literature)
      .where(eq(literature.networkId, networkId))
      .orderBy(asc(literature.position)),
    buddiesOf(db, networkId, actor.userId),
  ]);
  return {
    network,
    studyLoad: load,
    assignments: list.map((a) => ({
      ...a,
      submittedAt: a.submittedAt ? new Date(a.submittedAt) : null,
    })),
    literature: books,
    buddies,
    isTeacher: isTeacher(access),
  };
}

export async function createAssignment(db: Db, net: SignedInNetwork, input: AssignmentInput) {
  requireTeacher(net);
  const { network, id: networkId } = net;
  if (network.startDate && input.dueDay < network.startDate)
    throw new FieldError("dueDay", "error.meeting.outsidePeriod");
  if (network.endDate && input.dueDay > network.endDate)
    throw new FieldError("dueDay", "error.meeting.outsidePeriod");
  const [created] = await db
    .insert(assignments)
    .values({
      networkId,
      title: input.title,
      description: input.description,
      dueAt: amsterdamToInstant(input.dueDay, input.dueTime),
      isFinal: input.isFinal,
    })
    .returning({ id: assignments.id });
  return created?.id;
}

async function findAssignment(db: DbOrTx, networkId: string, assignmentId: string) {
  if (!isUuid(assignmentId)) notFound();
  const [assignment] = await db
    .select()
    .from(assignments)
    .where(and(eq(assignments.id, assignmentId), eq(assignments.networkId, networkId)));
  if (!assignment) notFound();
  return assignment;
}

/**
 * An assignment with the submissions the actor may read: the teacher reads all, a participant
 * their own and their buddies'. Feedback goes with each submission.
 */
export async function getAssignment(db: DbOrTx, net: SignedInNetwork, assignmentId: string) {
  requireInCourse(net);
  const { network, access, actor, id: networkId } = net;
  const assignment = await findAssignment(db, networkId, assignmentId);
  const teacher = isTeacher(access);
  const buddies = await buddiesOf(db, networkId, actor.userId);
  const readable = teacher ? null : [actor.userId, ...buddies.map((b) => b.userId)];
  const rows = await db
    .select({
      id: submissions.id,
      userId: submissions.userId,
      name: users.name,
      text: submissions.text,
      reflection: submissions.reflection,
      fileId: submissions.fileId,
      submittedAt: submissions.submittedAt,
    })
    .from(submissions)
    .innerJoin(users, eq(users.id, submissions.userId))
    .where(
      and(
        eq(submissions.assignmentId, assignmentId),
        readable ? inArray(submissions.userId, readable) : undefined,
      ),
    )
    .orderBy(asc(users.name));
  const feedback = rows.length
    ? await db
        .select({
          id: submissionFeedback.id,
          submissionId: submissionFeedback.submissionId,
          authorName: users.name,
          authorRole: submissionFeedback.authorRole,
          text: submissionFeedback.text,
          createdAt: submissionFeedback.createdAt,
        })
        .from(submissionFeedback)
        .innerJoin(users, eq(users.id, submissionFeedback.authorId))
        .where(
          inArray(
            submissionFeedback.submissionId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(submissionFeedback.createdAt))
    : [];
  return {
    network,
    assignment,
    isTeacher: teacher,
    buddies,
    submissions: rows.map((row) => ({
      ...row,
      isMine: row.userId === actor.userId,
      feedback: feedback.filter((f) => f.submissionId === row.id),
    })),
  };
}

/**
 * The file is stored here, after the course check and in the submission's transaction: a refused
 * or failing submission leaves no file behind; a file that is replaced is removed.
 */
export async function submitWork(
  db: Db,
  net: SignedInNetwork,
  assignmentId: string,
  input: SubmissionInput,
  file: File | null = null,
) {
  requireInCourse(net);
  const { actor, id: networkId } = net;
  await db.transaction(async (tx) => {
    const assignment = await findAssignment(tx, networkId, assignmentId);
    const stored = file ? await storeUpload(tx, "file", file, actor.userId) : null;
    if (assignment.isFinal && input.reflection.length < 10)
      throw new FieldError("reflection", "error.submission.reflection");
    const [previous] = await tx
      .select({ fileId: submissions.fileId })
      .from(submissions)
      .where(and(eq(submissions.assignmentId, assignmentId), eq(submissions.userId, actor.userId)));
    const values = {
      text: input.text,
      reflection: input.reflection,
      submittedAt: new Date(),
      ...(stored ? { fileId: stored.id } : {}),
    };
    await tx
      .insert(submissions)
      .values({ assignmentId, userId: actor.userId, ...values })
      .onConflictDoUpdate({ target: [submissions.assignmentId, submissions.userId], set: values });
    if (stored && previous?.fileId)
      await tx.delete(storedFiles).where(eq(storedFiles.id, previous.fileId));
  });
}

/**
 * Authorise before validating on an assignment's page: handing in work is for the course's
 * participants, on an assignment of this course (others get the 404).
 */
export async function assertInAssignment(db: DbOrTx, net: AuthorizedNetwork, assignmentId: string) {
  requireInCourse(net);
  await findAssignment(db, net.id, assignmentId);
}

/** Feedback, before validating: on a submission the person may comment on (others: the 404). */
export async function assertCanGiveFeedback(
  db: DbOrTx,
  net: SignedInNetwork,
  submissionId: string,
) {
  requireInCourse(net);
  await feedbackRole(db, net.actor, net.access, net.id, submissionId);
}

/** Interim feedback comes from the teacher or from the author's buddy; never on one's own work. */
async function feedbackRole(
  db: DbOrTx,
  actor: Actor,
  access: NetworkAccess,
  networkId: string,
  submissionId: string,
) {
  if (!isUuid(submissionId)) notFound();
  const [submission] = await db
    .select({ userId: submissions.userId })
    .from(submissions)
    .innerJoin(assignments, eq(assignments.id, submissions.assignmentId))
    .where(and(eq(submissions.id, submissionId), eq(assignments.networkId, networkId)));
  if (!submission) notFound();
  const teacher = isTeacher(access);
  const isBuddy = (await buddiesOf(db, networkId, actor.userId)).some(
    (b) => b.userId === submission.userId,
  );
  if (submission.userId === actor.userId || !(teacher || isBuddy)) notFound();
  return teacher ? "teacher" : "buddy";
}

export async function giveFeedback(
  db: Db,
  net: SignedInNetwork,
  submissionId: string,
  text: string,
) {
  requireInCourse(net);
  const { access, actor, id: networkId } = net;
  const authorRole = await feedbackRole(db, actor, access, networkId, submissionId);
  await db.transaction(async (tx) => {
    await tx
      .insert(submissionFeedback)
      .values({ submissionId, authorId: actor.userId, authorRole, text });
    const [work] = await tx
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        locale: users.locale,
        assignmentId: assignments.id,
        title: assignments.title,
      })
      .from(submissions)
      .innerJoin(assignments, eq(assignments.id, submissions.assignmentId))
      .innerJoin(users, eq(users.id, submissions.userId))
      .where(eq(submissions.id, submissionId));
    if (!work) return;
    const path = `/netwerken/${networkId}/leergang/opdrachten/${work.assignmentId}`;
    // The feedback itself stays on the page: the author reads it there, signed in.
    await notify(
      tx,
      {
        userId: work.userId,
        kind: "feedback-given",
        actorId: actor.userId,
        networkId,
        subject: work.title,
        link: path,
      },
      () =>
        sendTemplatedMail(tx, work, "mail.feedbackGiven", {
          name: work.name,
          author: actor.name,
          title: work.title,
          network: net.network.name,
          link: `${publicBaseUrl()}${path}`,
        }),
    );
  });
}

/** Whether the actor may download a submitted file: the same people who may read the work. */
export async function submissionFileAccess(db: DbOrTx, net: SignedInNetwork, fileId: string) {
  if (!isUuid(fileId)) notFound();
  requireInCourse(net);
  const { access, actor, id: networkId } = net;
  const [row] = await db
    .select({ userId: submissions.userId })
    .from(submissions)
    .innerJoin(assignments, eq(assignments.id, submissions.assignmentId))
    .where(and(eq(submissions.fileId, fileId), eq(assignments.networkId, networkId)));
  if (!row) notFound();
  if (isTeacher(access) || row.userId === actor.userId) return;
  const buddies = await buddiesOf(db, networkId, actor.userId);
  if (!buddies.some((b) => b.userId === row.userId)) notFound();
}

export async function addLiterature(
  db: Db,
  net: SignedInNetwork,
  input: { citation: string; required: boolean },
) {
  requireTeacher(net);
  const networkId = net.id;
  const [position] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(literature)
    .where(eq(literature.networkId, networkId));
  await db.insert(literature).values({ networkId, ...input, position: position?.n ?? 0 });
}

export async function removeLiterature(db: Db, net: SignedInNetwork, literatureId: string) {
  requireTeacher(net);
  const networkId = net.id;
  if (!isUuid(literatureId)) notFound();
  await db
    .delete(literature)
    .where(and(eq(literature.id, literatureId), eq(literature.networkId, networkId)));
}
