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
