import { z } from "zod";
import { formList } from "#app/platform/forms.ts";
import { jobFunctions } from "../accounts/accounts.schema.ts";
import { sectors } from "../organisations/organisations.schema.ts";

export const phases = ["zaaien", "cultiveren", "oogsten"] as const;
export const forms = ["online", "location", "mixed"] as const;

const list = (max: number, maxLength: number, message: string) =>
  z
    .string()
    .default("")
    .transform((value) => [
      ...new Set(
        value
          .split(",")
          .map((item) => item.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().max(maxLength, message)).max(max, message));

const optionalInt = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .default("")
    .transform((value) => (value === "" ? null : Number(value)))
    .refine(
      (value) => value === null || (Number.isInteger(value) && value >= min && value <= max),
      message,
    );

export const proposalSchema = z.object({
  name: z
    .string({ error: "error.network.name" })
    .trim()
    .min(3, "error.network.name")
    .max(120, "error.network.name"),
  question: z.string().trim().min(10, "error.network.question").max(2000, "error.network.question"),
  sectors: formList(z.enum(sectors, { error: "error.sector.invalid" })).refine(
    (chosen) => chosen.length > 0,
    "error.network.sectors",
  ),
  targetFunctions: formList(z.enum(jobFunctions)),
  intendedMembers: z.string().trim().max(1000, "error.tooLong1000").default(""),
  facilitatorNote: z.string().trim().max(200, "error.tooLong200").default(""),
  themes: list(8, 40, "error.network.themes"),
});

const isoDate = (message: string) =>
  z
    .string()
    .trim()
    .default("")
    .refine((value) => value === "" || /^\d{4}-\d{2}-\d{2}$/.test(value), message);

export const networkProfileSchema = proposalSchema
  .extend({
    description: z.string().trim().max(4000, "error.tooLong4000").default(""),
    regionId: z.union([z.literal(""), z.uuid("error.region.invalid")]).default(""),
    status: z.enum(["in-formation", "active", "ended"], { error: "error.network.status" }),
    openness: z.enum(["open", "closed"], { error: "error.network.openness" }),
    joinMode: z.enum(["direct", "nomination"], { error: "error.network.joinMode" }),
    form: z.enum(forms, { error: "error.network.form" }),
    meetingPattern: z.string().trim().max(200, "error.tooLong200").default(""),
    meetingsPerYear: optionalInt(0, 60, "error.network.meetingsPerYear"),
    capacity: z.coerce
      .number({ error: "error.network.capacity" })
      .int("error.network.capacity")
      .min(2, "error.network.capacity")
      .max(500, "error.network.capacity"),
    startDate: isoDate("error.network.startDate"),
    endDate: isoDate("error.network.endDate"),
    durationMonths: optionalInt(1, 240, "error.network.duration"),
    costsNote: z.string().trim().max(1000, "error.tooLong1000").default(""),
    offerDays: z.coerce
      .number({ error: "error.network.offerDays" })
      .int()
      .min(1, "error.network.offerDays")
      .max(60, "error.network.offerDays"),
  })
  .refine((value) => !value.startDate || !value.endDate || value.endDate >= value.startDate, {
    path: ["endDate"],
    message: "error.network.endBeforeStart",
  });

const phaseChangeSchema = z.object({
  phase: z.enum(phases, { error: "error.network.phase" }),
  note: z.string().trim().min(3, "error.network.phaseNote").max(1000, "error.tooLong1000"),
});

/** "1450", "1.450" or "1450,50" euros as cents; empty is null (allowed only when optional). */
const euroToCents = (message: string, optional: boolean, maxCents = 10_000_000) =>
  z
    .string()
    .trim()
    .default("")
    .transform((value) =>
      value === "" ? null : Math.round(Number(value.replace(/\./g, "").replace(",", ".")) * 100),
    )
    .refine(
      (value) =>
        value === null ? optional : Number.isFinite(value) && value >= 0 && value <= maxCents,
      message,
    );

const routeSchema = z.object({
  name: z.string().trim().min(3, "error.route.name").max(120, "error.route.name"),
  price: euroToCents("error.route.price", false),
  secondPersonPrice: euroToCents("error.route.secondPrice", true),
  includes: z.string().trim().max(1000, "error.tooLong1000").default(""),
  extraCosts: z.string().trim().max(500, "error.tooLong500").default(""),
  vatExempt: z
    .string()
    .optional()
    .transform((value) => value === "on"),
  stepNumbers: formList(z.coerce.number().int().min(1).max(50)),
  minMeetings: z
    .string()
    .trim()
    .default("")
    .transform((value) => (value === "" ? null : Number(value)))
    .refine(
      (value) => value === null || (Number.isInteger(value) && value >= 1 && value <= 100),
      "error.route.minMeetings",
    ),
  requiresAllSteps: z
    .string()
    .optional()
    .transform((value) => value === "on"),
  registerPoints: z
    .string()
    .trim()
    .default("")
    .transform((value) => (value === "" ? null : Number(value)))
    .refine(
      (value) => value === null || (Number.isInteger(value) && value >= 10 && value <= 100),
      "error.route.registerPoints",
    ),
  registerThemes: formList(z.string().trim().min(1).max(120)).refine(
    (themes) => themes.length <= 10,
  ),
});

const stepsSchema = z.object({
  steps: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(300, "error.steps.tooLong")).max(20, "error.steps.tooMany")),
});

export type ProposalInput = z.infer<typeof proposalSchema>;
export type ProposalForm = z.input<typeof proposalSchema>;
export type NetworkProfileInput = z.infer<typeof networkProfileSchema>;
export type RouteInput = z.infer<typeof routeSchema>;

export const stimulusPurposes = ["facilitation", "speakers", "organisation"] as const;

export const supportDecisionSchema = z.object({
  decision: z.enum(["approved", "declined"]),
  note: z.string().trim().min(3, "error.support.note").max(2000, "error.tooLong2000"),
  stimulus: euroToCents("error.support.stimulus", true, Number.POSITIVE_INFINITY),
  purposes: formList(z.enum(stimulusPurposes)),
});

/** The edit page: the phase, and the profile. */
export const editPageSchema = z.discriminatedUnion("intent", [
  phaseChangeSchema.extend({ intent: z.literal("phase") }),
  networkProfileSchema.safeExtend({ intent: z.literal("profile") }),
]);
export type EditPageForm = z.input<typeof editPageSchema>;

/** The routes editor: the step list, a route (new, or the one routeId names), deleting one. */
export const routesPageSchema = z.discriminatedUnion("intent", [
  stepsSchema.extend({ intent: z.literal("steps") }),
  routeSchema.extend({
    intent: z.literal("route"),
    routeId: z.union([z.literal(""), z.uuid()]).default(""),
  }),
  z.object({ intent: z.literal("delete-route"), routeId: z.uuid() }),
]);
export type RoutesPageForm = z.input<typeof routesPageSchema>;
export type SupportDecisionForm = z.input<typeof supportDecisionSchema>;

/**
 * A support application: each criterion's fields come as declare-<criterionId> (a checkbox) and
 * explain-<criterionId> (its text), for the criteria the applicant declares.
 */
export const supportApplicationSchema = z
  .object({ programmeId: z.string().default("") })
  .catchall(z.string())
  .transform(({ programmeId, ...fields }) => {
    const criterionIds = new Set(
      Object.keys(fields)
        .filter((key) => key.startsWith("declare-") || key.startsWith("explain-"))
        .map((key) => key.slice(8)),
    );
    const declarations = Object.fromEntries(
      [...criterionIds].map((id) => [
        id,
        {
          met: fields[`declare-${id}`] === "on",
          explanation: (fields[`explain-${id}`] ?? "").slice(0, 500),
        },
      ]),
    );
    return { programmeId, declarations };
  });
