import { z } from "zod";

const hours = (message: string, max: number) =>
  z.coerce.number({ error: message }).int(message).min(0, message).max(max, message);

const studyLoadSchema = z.object({
  contactDays: hours("error.course.contactDays", 50),
  hoursPerContactDay: hours("error.course.hoursPerDay", 24),
  selfStudyHours: hours("error.course.selfStudy", 2000),
});

export const assignmentSchema = z.object({
  title: z.string().trim().min(3, "error.assignment.title").max(150, "error.assignment.title"),
  description: z.string().trim().max(4000, "error.tooLong4000").default(""),
  dueDay: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "error.meeting.day"),
  dueTime: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "error.meeting.time")
    .default("23:59"),
  isFinal: z
    .string()
    .optional()
    .transform((value) => value === "on"),
});

const submissionSchema = z.object({
  text: z.string().trim().min(10, "error.submission.text").max(20000, "error.submission.tooLong"),
  reflection: z.string().trim().max(20000, "error.submission.tooLong").default(""),
});

const feedbackSchema = z.object({
  text: z.string().trim().min(5, "error.feedback.text").max(4000, "error.tooLong4000"),
});

const literatureSchema = z.object({
  citation: z.string().trim().min(5, "error.literature.citation").max(500, "error.tooLong500"),
  required: z
    .string()
    .optional()
    .transform((value) => value === "on"),
});

export type AssignmentInput = z.infer<typeof assignmentSchema>;
export type SubmissionInput = z.infer<typeof submissionSchema>;

/** A course's page: the teacher's study load, assignments and literature. */
export const coursePageSchema = z.discriminatedUnion("intent", [
  studyLoadSchema.extend({ intent: z.literal("study-load") }),
  assignmentSchema.extend({ intent: z.literal("assignment") }),
  literatureSchema.extend({ intent: z.literal("literature") }),
  // An unknown or malformed id is the module's 404.
  z.object({ intent: z.literal("remove-literature"), literatureId: z.string().default("") }),
]);
export type CoursePageForm = z.input<typeof coursePageSchema>;

/** An assignment's page: hand in work, or give feedback on someone's. */
export const assignmentPageSchema = z.discriminatedUnion("intent", [
  submissionSchema.extend({ intent: z.literal("submit") }),
  feedbackSchema.extend({ intent: z.literal("feedback"), submissionId: z.string().default("") }),
]);
export type AssignmentPageForm = z.input<typeof assignmentPageSchema>;
