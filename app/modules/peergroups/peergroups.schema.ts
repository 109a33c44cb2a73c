import { z } from "zod";

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "error.meeting.day");
const time = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "error.meeting.time");

export const buddyGroupSchema = z.object({
  userIds: z
    .array(z.uuid("error.buddies.pick"))
    .min(2, "error.buddies.size")
    .max(5, "error.buddies.size"),
});

export const suggestionSchema = z.object({
  size: z.coerce.number({ error: "error.buddies.suggestSize" }).int().min(2).max(5),
});

export const noteSchema = z.object({
  body: z.string().trim().min(1, "error.peer.note").max(8000, "error.tooLong8000"),
});

export const agreementSchema = z.object({
  text: z.string().trim().min(3, "error.peer.agreement").max(500, "error.tooLong500"),
});

export const buddyMeetingSchema = z
  .object({
    day,
    startTime: time,
    endTime: time,
    place: z.string().trim().max(200, "error.tooLong200").default(""),
  })
  .refine((v) => v.endTime > v.startTime, {
    path: ["endTime"],
    message: "error.meeting.endBeforeStart",
  });

export const intervisionGroupSchema = z.object({
  name: z.string().trim().min(3, "error.intervision.name").max(100, "error.intervision.name"),
  userIds: z
    .array(z.uuid("error.intervision.size"))
    .min(3, "error.intervision.size")
    .max(8, "error.intervision.size"),
});

export const caseSchema = z.object({
  caseTitle: z
    .string()
    .trim()
    .min(3, "error.intervision.caseTitle")
    .max(150, "error.intervision.caseTitle"),
  caseText: z.string().trim().min(10, "error.intervision.caseText").max(8000, "error.tooLong8000"),
  methodId: z.uuid("error.intervision.method"),
});

export const closingSchema = z.object({
  insight: z.string().trim().min(3, "error.intervision.insight").max(4000, "error.tooLong4000"),
  nextStep: z.string().trim().min(3, "error.intervision.nextStep").max(4000, "error.tooLong4000"),
});

/** One step per line: "title | minutes | description". */
export const methodSchema = z.object({
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

export type BuddyMeetingInput = z.infer<typeof buddyMeetingSchema>;
export type CaseInput = z.infer<typeof caseSchema>;
export type MethodInput = z.infer<typeof methodSchema>;
