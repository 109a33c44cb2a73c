import { z } from "zod";
import { formList } from "#app/platform/forms.ts";

const list = (max: number, message: string) =>
  formList(z.string().trim().min(1).max(120, message)).pipe(z.array(z.string()).max(max, message));

export const learningQuestionSchema = z.object({
  text: z.string().trim().min(10, "error.learningQuestion.text").max(2000, "error.tooLong2000"),
  themes: list(10, "error.learningQuestion.themes"),
  professionalThemes: list(10, "error.learningQuestion.themes"),
  meetingIds: formList(z.uuid()).pipe(z.array(z.string()).max(50)),
});

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "error.meeting.day");
const time = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "error.meeting.time");

/** Up to three slots the facilitator offers; the member picks one. */
const slotProposalFields = z.object({
  memberId: z.uuid("error.conversation.member"),
  stepNumber: z.coerce.number().int().min(1).max(50),
  slot1Day: day,
  slot1Time: time,
  slot2Day: z.string().trim().default(""),
  slot2Time: z.string().trim().default(""),
  slot3Day: z.string().trim().default(""),
  slot3Time: z.string().trim().default(""),
  minutes: z.coerce
    .number()
    .int()
    .min(15, "error.conversation.minutes")
    .max(180, "error.conversation.minutes"),
  onlineUrl: z
    .string()
    .trim()
    .max(500, "error.tooLong500")
    .default("")
    .refine((value) => value === "" || /^https:\/\/\S+$/.test(value), "error.meeting.url"),
});

/** The second and third slot are optional, but a half-filled one is a mistake. */
function checkOptionalSlots(
  value: Record<`slot${2 | 3}${"Day" | "Time"}`, string>,
  ctx: z.RefinementCtx,
) {
  for (const n of [2, 3] as const) {
    const d = value[`slot${n}Day`];
    const t = value[`slot${n}Time`];
    if (!d && !t) continue;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d))
      ctx.addIssue({ code: "custom", path: [`slot${n}Day`], message: "error.meeting.day" });
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(t))
      ctx.addIssue({ code: "custom", path: [`slot${n}Time`], message: "error.meeting.time" });
  }
}

export const slotProposalSchema = slotProposalFields.superRefine(checkOptionalSlots);

export const conversationNotesSchema = z.object({
  privateNote: z.string().trim().max(4000, "error.tooLong4000").default(""),
  sharedSummary: z.string().trim().max(4000, "error.tooLong4000").default(""),
  held: z
    .string()
    .optional()
    .transform((value) => value === "on"),
});

const presentationSchema = z.object({
  link: z
    .string()
    .trim()
    .max(500, "error.tooLong500")
    .default("")
    .refine((value) => value === "" || /^https?:\/\/\S+$/.test(value), "error.meeting.url"),
  note: z.string().trim().max(1000, "error.tooLong1000").default(""),
});

/** The progress table: a facilitator ticks a step, or proposes conversation slots. */
export const progressTablePageSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("step"),
    // "memberId:stepNumber" from the button; an unknown member or step is the module's 404.
    step: z.string().default(""),
    done: z.string().default(""),
  }),
  slotProposalFields.extend({ intent: z.literal("propose") }).superRefine(checkOptionalSlots),
]);
export type ProgressTablePageForm = z.input<typeof progressTablePageSchema>;

/** A member's own route: pick a conversation slot, hand in the presentation. */
export const myRoutePageSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("confirm-slot"),
    conversationId: z.string().default(""),
    slotId: z.string().default(""),
  }),
  presentationSchema.extend({ intent: z.literal("presentation") }),
]);
export type MyRoutePageForm = z.input<typeof myRoutePageSchema>;
export type LearningQuestionForm = z.input<typeof learningQuestionSchema>;
export type ConversationNotesForm = z.input<typeof conversationNotesSchema>;

export type LearningQuestionInput = z.infer<typeof learningQuestionSchema>;
export type SlotProposalInput = z.infer<typeof slotProposalSchema>;
export type ConversationNotesInput = z.infer<typeof conversationNotesSchema>;

/** Steps the facilitator ticks off by hand; conversations, the presentation and enrolling are done by themselves. */
export const tickableStepKinds: ReadonlySet<string> = new Set(["meetings", "other"]);

/** The platform admin's list of professional themes: add one, remove one. */
export const professionalThemesPageSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    name: z
      .string()
      .trim()
      .min(3, "error.professionalTheme.name")
      .max(80, "error.professionalTheme.name"),
  }),
  z.object({ intent: z.literal("remove"), id: z.string().max(64) }),
]);
export type ProfessionalThemesForm = z.input<typeof professionalThemesPageSchema>;
