import { z } from "zod";
import { formList } from "#app/platform/forms.ts";

export const pollSchema = z
  .object({
    title: z.string().trim().min(3, "error.poll.title").max(150, "error.poll.title"),
    question: z.string().trim().min(5, "error.poll.question").max(500, "error.tooLong500"),
    options: z
      .string()
      .default("")
      .transform((value) =>
        value
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().max(200, "error.poll.optionTooLong")).max(30, "error.poll.tooMany")),
    allowOther: z
      .string()
      .optional()
      .transform((value) => value === "on"),
  })
  .superRefine((value, ctx) => {
    if (value.options.length < 3)
      ctx.addIssue({ code: "custom", path: ["options"], message: "error.poll.fewOptions" });
    const lower = value.options.map((o) => o.toLowerCase());
    if (new Set(lower).size !== lower.length)
      ctx.addIssue({ code: "custom", path: ["options"], message: "error.poll.duplicateOptions" });
  });

export const ballotSchema = z
  .object({
    first: z.string().trim().default(""),
    second: z.string().trim().default(""),
    third: z.string().trim().default(""),
    other: z.string().trim().max(200, "error.tooLong200").default(""),
  })
  .superRefine((value, ctx) => {
    const picks = [value.first, value.second, value.third];
    if (!value.first)
      ctx.addIssue({ code: "custom", path: ["first"], message: "error.ballot.first" });
    const named = picks.filter(Boolean);
    if (new Set(named).size !== named.length)
      ctx.addIssue({ code: "custom", path: ["second"], message: "error.ballot.twice" });
    if (picks.includes("other") && value.other.length < 3)
      ctx.addIssue({ code: "custom", path: ["other"], message: "error.ballot.other" });
    if (!picks.includes("other") && value.other)
      ctx.addIssue({ code: "custom", path: ["other"], message: "error.ballot.otherUnused" });
  });

export type PollInput = z.infer<typeof pollSchema>;
export type PollForm = z.input<typeof pollSchema>;
export type BallotInput = z.infer<typeof ballotSchema>;

/** A poll's page: a member votes, a manager closes it. */
export const pollPageSchema = z.discriminatedUnion("intent", [
  // extend keeps the ballot's own checks (first place, nothing twice, "other" named)
  ballotSchema.extend({ intent: z.literal("vote") }),
  z.object({ intent: z.literal("close") }),
]);
export type PollPageForm = z.input<typeof pollPageSchema>;

/**
 * A survey definition: the evaluation template (optional) plus own questions, one per line
 * ("?" in front for an open question), and the five labels of the answer scale.
 */
export const surveyDefinitionSchema = z
  .object({
    kind: z.enum(["baseline", "follow-up", "closing"], { error: "error.survey.kind" }),
    title: z.string().trim().min(3, "error.survey.title").max(150, "error.survey.title"),
    anonymous: z
      .string()
      .optional()
      .transform((value) => value === "on"),
    useTemplate: z
      .string()
      .optional()
      .transform((value) => value === "on"),
    extraItems: z
      .string()
      .default("")
      .transform((value) =>
        value
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean)
          .map((line) =>
            line.startsWith("?")
              ? { kind: "open" as const, text: line.slice(1).trim() }
              : { kind: "scale" as const, text: line },
          ),
      )
      .pipe(
        z
          .array(
            z.object({
              kind: z.enum(["open", "scale"]),
              text: z.string().min(3, "error.survey.itemShort").max(300, "error.survey.itemLong"),
            }),
          )
          .max(30, "error.survey.tooMany"),
      ),
    scaleLabels: z
      .string()
      .default("")
      .transform((value) =>
        value
          .split(",")
          .map((label) => label.trim())
          .filter(Boolean),
      ),
  })
  .superRefine((value, ctx) => {
    if (!value.useTemplate && value.extraItems.length === 0)
      ctx.addIssue({ code: "custom", path: ["extraItems"], message: "error.survey.noItems" });
    const hasScale = value.useTemplate || value.extraItems.some((item) => item.kind === "scale");
    const labels = value.scaleLabels.map((l) => l.toLowerCase());
    if (hasScale && (labels.length !== 5 || new Set(labels).size !== 5))
      ctx.addIssue({ code: "custom", path: ["scaleLabels"], message: "error.survey.scaleLabels" });
  });

export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;

/** A network's surveys: a new one, or sending one or reminding those who have not answered. */
export const surveysPageSchema = z.discriminatedUnion("intent", [
  surveyDefinitionSchema.extend({ intent: z.literal("create") }),
  z.object({ intent: z.literal("send"), surveyId: z.string() }),
  z.object({ intent: z.literal("remind"), surveyId: z.string() }),
]);
export type SurveysPageForm = z.input<typeof surveysPageSchema>;

const optionalId = (message?: string) =>
  z
    .string()
    .trim()
    .default("")
    .transform((v) => v || null)
    .pipe(z.uuid(message).nullable());

/** A network's harvest: an outcome recorded, its publication asked for, consent given. */
export const harvestPageSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("record"),
    title: z.string().trim().min(3, "error.harvest.title").max(200, "error.harvest.title"),
    answer: z.string().trim().min(10, "error.harvest.answer").max(8000, "error.harvest.answer"),
    learningQuestionId: optionalId("error.harvest.question"),
    people: formList(z.uuid()).pipe(z.array(z.string()).max(20)),
    schoolId: optionalId(),
  }),
  z.object({ intent: z.literal("publish"), outcomeId: z.string() }),
  z.object({ intent: z.literal("consent"), outcomeId: z.string() }),
  z.object({ intent: z.literal("school-consent"), outcomeId: z.string() }),
]);
export type HarvestPageForm = z.input<typeof harvestPageSchema>;

const day = z
  .string()
  .trim()
  .default("")
  .refine((v) => v === "" || /^\d{4}-\d{2}-\d{2}$/.test(v), "error.meeting.day")
  .transform((v) => v || null);

/** The self-scan page: the scan (one answer per statement, named by its id) and a plan. */
export const selfScanPageSchema = z.discriminatedUnion("intent", [
  z.looseObject({ intent: z.literal("scan"), frameworkId: z.string().default("") }),
  z
    .object({
      intent: z.literal("plan"),
      scanId: optionalId(),
      learningQuestionId: optionalId(),
      networkId: optionalId(),
      sharedWith: z.enum(["nobody", "buddy", "facilitator"]),
      goal1: z.string().trim().max(300, "error.tooLong500").default(""),
      action1: z.string().trim().max(500, "error.tooLong500").default(""),
      due1: day,
      goal2: z.string().trim().max(300, "error.tooLong500").default(""),
      action2: z.string().trim().max(500, "error.tooLong500").default(""),
      due2: day,
    })
    .superRefine((value, ctx) => {
      if (!value.goal1 || !value.action1)
        ctx.addIssue({ code: "custom", path: ["goal1"], message: "error.plan.first" });
    }),
]);
export type SelfScanPageForm = z.input<typeof selfScanPageSchema>;

/** A competence framework loaded from its text (selfscan.server.ts parses it). */
export const frameworkSchema = z.object({
  name: z.string().trim().min(3, "error.framework.name").max(150, "error.framework.name"),
  framework: z.string().max(20000, "error.tooLong4000").default(""),
});
export type FrameworkForm = z.input<typeof frameworkSchema>;

/** The dashboard's choice for every programme at once (a value no programme id can have). */
export const allProgrammes = "alle";

/** A survey's answers, one per item and named by its id; the module checks each against its item. */
export const surveyAnswersSchema = z.record(z.string(), z.string());
