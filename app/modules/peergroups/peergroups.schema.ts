import { z } from "zod";
import { formList } from "#app/platform/forms.ts";

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "error.meeting.day");
const time = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "error.meeting.time");

const buddyGroupSchema = z.object({
  userIds: formList(z.uuid("error.buddies.pick")).refine(
    (ids) => ids.length >= 2 && ids.length <= 5,
    "error.buddies.size",
  ),
});

const suggestionSchema = z.object({
  size: z.coerce.number({ error: "error.buddies.suggestSize" }).int().min(2).max(5),
});

/** The buddies page: the guide pairs, accepts a suggestion or dissolves; a participant chooses. */
export const buddiesPageSchema = z.discriminatedUnion("intent", [
  buddyGroupSchema.extend({ intent: z.literal("pair") }),
  // The participant's own id is added by the command: the list is who they chose.
  z.object({ intent: z.literal("choose"), userIds: formList(z.uuid("error.buddies.pick")) }),
  suggestionSchema.extend({ intent: z.literal("suggestion") }),
  z.object({ intent: z.literal("dissolve"), groupId: z.string() }),
]);
export type BuddiesPageForm = z.input<typeof buddiesPageSchema>;

const noteSchema = z.object({
  body: z.string().trim().min(1, "error.peer.note").max(8000, "error.tooLong8000"),
});

const agreementSchema = z.object({
  text: z.string().trim().min(3, "error.peer.agreement").max(500, "error.tooLong500"),
});

const buddyMeetingSchema = z
  .object({
    intent: z.literal("meeting"),
    day,
    startTime: time,
    endTime: time,
    place: z.string().trim().max(200, "error.tooLong200").default(""),
  })
  .refine((v) => v.endTime > v.startTime, {
    path: ["endTime"],
    message: "error.meeting.endBeforeStart",
  });

/** A buddy group's space: a note, an agreement (added, done, reopened) or a meeting. */
export const buddySpaceSchema = z.discriminatedUnion("intent", [
  noteSchema.extend({ intent: z.literal("note") }),
  agreementSchema.extend({ intent: z.literal("agreement") }),
  z.object({ intent: z.literal("agreement-done"), agreementId: z.string() }),
  z.object({ intent: z.literal("agreement-open"), agreementId: z.string() }),
  buddyMeetingSchema,
]);
export type BuddySpaceForm = z.input<typeof buddySpaceSchema>;

export const intervisionGroupSchema = z.object({
  name: z.string().trim().min(3, "error.intervision.name").max(100, "error.intervision.name"),
  userIds: formList(z.uuid("error.intervision.size")).refine(
    (ids) => ids.length >= 3 && ids.length <= 8,
    "error.intervision.size",
  ),
});
export type IntervisionGroupForm = z.input<typeof intervisionGroupSchema>;

export const caseSchema = z.object({
  caseTitle: z
    .string()
    .trim()
    .min(3, "error.intervision.caseTitle")
    .max(150, "error.intervision.caseTitle"),
  caseText: z.string().trim().min(10, "error.intervision.caseText").max(8000, "error.tooLong8000"),
  methodId: z.uuid("error.intervision.method"),
});

const closingSchema = z.object({
  insight: z.string().trim().min(3, "error.intervision.insight").max(4000, "error.tooLong4000"),
  nextStep: z.string().trim().min(3, "error.intervision.nextStep").max(4000, "error.tooLong4000"),
});

/** An intervision session: its members move it on and take notes; the case owner closes or deletes. */
export const sessionPageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("advance") }),
  noteSchema.extend({ intent: z.literal("note") }),
  closingSchema.extend({ intent: z.literal("close") }),
  z.object({ intent: z.literal("delete") }),
]);
export type SessionPageForm = z.input<typeof sessionPageSchema>;

/** One step per line: "title | minutes | description". */
const methodSchema = z.object({
  name: z.string().trim().min(3, "error.method.name").max(100, "error.method.name"),
  summary: z.string().trim().max(1000, "error.tooLong4000").default(""),
  steps: z
    .string()
    .trim()
    .min(1, "error.method.steps")
    .transform((text, ctx) => {
      const steps = text
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => {
          const [title = "", minutes = "", description = ""] = line.split("|").map((p) => p.trim());
          return { title, minutes: Number(minutes), description };
        });
      if (
        steps.length < 2 ||
        steps.length > 12 ||
        steps.some(
          (s) =>
            s.title.length < 2 || !Number.isInteger(s.minutes) || s.minutes < 1 || s.minutes > 120,
        )
      ) {
        ctx.addIssue({ code: "custom", message: "error.method.steps" });
        return z.NEVER;
      }
      return steps;
    }),
});

export type BuddyMeetingInput = Omit<z.infer<typeof buddyMeetingSchema>, "intent">;
export type CaseInput = z.infer<typeof caseSchema>;
export type CaseForm = z.input<typeof caseSchema>;
export type MethodInput = z.infer<typeof methodSchema>;

/** The platform admin's intervision methods: save one (new or existing), archive, restore. */
export const methodsPageSchema = z.discriminatedUnion("intent", [
  methodSchema.extend({
    intent: z.literal("save"),
    methodId: z.union([z.literal(""), z.uuid()]).default(""),
  }),
  z.object({ intent: z.literal("archive"), methodId: z.uuid() }),
  z.object({ intent: z.literal("restore"), methodId: z.uuid() }),
]);
export type MethodsPageForm = z.input<typeof methodsPageSchema>;
