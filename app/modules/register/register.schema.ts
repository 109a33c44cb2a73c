import { z } from "zod";
import { formList } from "#app/platform/forms.ts";

const day = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message);
const themes = formList(z.string().trim().min(1).max(120)).pipe(
  z.array(z.string()).max(10, "error.register.themes"),
);
const optionalWhole = (message: string, max: number) =>
  z
    .string()
    .trim()
    .default("")
    .transform((value) => (value === "" ? null : Number(value.replace(",", "."))))
    .refine(
      (value) => value === null || (Number.isInteger(value) && value >= 0 && value <= max),
      message,
    );

const profileSchema = z.object({
  cycleStart: day("error.register.cycleStart"),
  cycleYears: z.coerce
    .number({ error: "error.register.cycleYears" })
    .int("error.register.cycleYears")
    .min(1, "error.register.cycleYears")
    .max(10, "error.register.cycleYears"),
});

const activityBase = {
  title: z.string().trim().min(3, "error.register.title").max(200, "error.register.title"),
  provider: z.string().trim().max(200, "error.tooLong500").default(""),
  startDate: day("error.register.date"),
  endDate: day("error.register.date"),
  hours: optionalWhole("error.register.hours", 2000),
  themes,
  evidence: z.string().trim().max(2000, "error.tooLong2000").default(""),
};

function datesInOrder(value: { startDate: string; endDate: string }, ctx: z.RefinementCtx) {
  if (value.endDate < value.startDate)
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "error.register.endBeforeStart" });
}

/** An activity entered by hand: points (10–100) or a herregistratiewaarde as a percentage. */
export const activitySchema = z
  .object({
    ...activityBase,
    learningForm: z.enum(["formal", "non-formal", "informal"], {
      error: "error.register.learningForm",
    }),
    valueKind: z.enum(["points", "percentage"], { error: "error.register.valueKind" }),
    value: z
      .string()
      .trim()
      .transform((value) => Number(value.replace(",", ".")))
      .refine((value) => Number.isFinite(value), "error.register.value"),
  })
  .superRefine((value, ctx) => {
    datesInOrder(value, ctx);
    if (
      value.valueKind === "percentage" &&
      (value.value < 0 || value.value > 100 || !Number.isInteger(value.value))
    )
      ctx.addIssue({ code: "custom", path: ["value"], message: "error.register.percentage" });
    if (
      value.valueKind === "points" &&
      (value.value < 10 || value.value > 100 || !Number.isInteger(value.value))
    )
      ctx.addIssue({ code: "custom", path: ["value"], message: "error.register.points" });
  });

/** Informal learning valued afterwards by a recognised bureau, with the points it awarded. */
export const valuationSchema = z
  .object({
    ...activityBase,
    value: z
      .string()
      .trim()
      .transform((value) => Number(value.replace(",", ".")))
      .refine(
        (value) => Number.isInteger(value) && value >= 10 && value <= 100,
        "error.register.points",
      ),
  })
  .superRefine(datesInOrder);

const catalogueEntrySchema = z
  .object({
    catalogueId: z.uuid("error.register.catalogue"),
    startDate: day("error.register.date"),
    endDate: day("error.register.date"),
    hours: optionalWhole("error.register.hours", 2000),
    evidence: z.string().trim().max(2000, "error.tooLong2000").default(""),
  })
  .superRefine(datesInOrder);

const revokeSchema = z.object({
  certificateId: z.uuid(),
  reason: z.string().trim().min(5, "error.certificate.reason").max(500, "error.tooLong500"),
});

export type ActivityInput = z.infer<typeof activitySchema>;
export type ValuationInput = z.infer<typeof valuationSchema>;
export type CatalogueEntryInput = z.infer<typeof catalogueEntrySchema>;

/** Everything on one's own register page (/herregistratie), one branch per form. */
export const registerPageSchema = z.discriminatedUnion("intent", [
  profileSchema.extend({ intent: z.literal("profile") }),
  // An unknown or malformed id is the module's 404.
  z.object({ intent: z.literal("delete"), activityId: z.string().default("") }),
  catalogueEntrySchema.safeExtend({ intent: z.literal("catalogue") }),
  activitySchema.safeExtend({ intent: z.literal("activity") }),
  valuationSchema.safeExtend({ intent: z.literal("valuation") }),
]);
export type RegisterPageForm = z.input<typeof registerPageSchema>;

/** A network's certificates page: issue one for a member who completed, or revoke one. */
export const networkCertificatesPageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("issue"), memberId: z.string().default("") }),
  revokeSchema.extend({ intent: z.literal("revoke") }),
]);
export type NetworkCertificatesPageForm = z.input<typeof networkCertificatesPageSchema>;
