import { z } from "zod";

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
export type BallotInput = z.infer<typeof ballotSchema>;

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

/** The dashboard's choice for every programme at once (a value no programme id can have). */
export const allProgrammes = "alle";
