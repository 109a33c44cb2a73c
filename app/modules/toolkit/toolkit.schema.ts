import { z } from "zod";
import { formList } from "#app/platform/forms.ts";

/** A day that exists: 2026-02-30 passes the pattern, but the database refuses it (a 500). */
export function isCalendarDay(value: string) {
  return z.iso.date().safeParse(value).success;
}

const day = z
  .string()
  .trim()
  .default("")
  .transform((v) => v || null)
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "error.meeting.day")
      .refine(isCalendarDay, "error.meeting.day")
      .nullable(),
  );

const schoolYearPattern = /^(\d{4})-(\d{4})$/;
const schoolYear = z
  .string()
  .trim()
  .regex(schoolYearPattern, "error.toolkit.schoolYear")
  .refine((v) => {
    const [, a, b] = v.match(schoolYearPattern) ?? [];
    return Number(b) === Number(a) + 1;
  }, "error.toolkit.schoolYear");

const initiativeSchema = z.object({
  name: z.string().trim().min(3, "error.toolkit.name").max(120, "error.toolkit.name"),
  goal: z.string().trim().min(10, "error.toolkit.goal").max(4000, "error.tooLong4000"),
  forWhom: z.string().trim().max(1000, "error.tooLong1000").default(""),
  valueForOthers: z.string().trim().max(2000, "error.tooLong2000").default(""),
  plan: z.enum(["stappenplan", "btg"], { error: "error.toolkit.plan" }).default("stappenplan"),
  themeIds: formList(z.uuid("error.toolkit.theme")).pipe(z.array(z.string()).max(10)),
});

const themeFields = z.object({
  name: z.string().trim().min(3, "error.toolkit.name").max(120, "error.toolkit.name"),
  kind: z.enum(["jaarthema", "vast", "tijdelijk"], { error: "error.toolkit.themeKind" }),
  description: z.string().trim().max(4000, "error.tooLong4000").default(""),
  schoolYear,
  startsOn: day,
  endsOn: day,
  schakelIds: formList(z.uuid("error.toolkit.person")).pipe(z.array(z.string()).max(10)),
  initiativeIds: formList(z.uuid("error.toolkit.initiative")).pipe(z.array(z.string()).max(50)),
  renewedFromId: z.uuid().optional(),
});

function endsAfterStart<S extends z.ZodType<{ startsOn: string | null; endsOn: string | null }>>(
  schema: S,
): S {
  return schema.refine((v) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn, {
    path: ["endsOn"],
    message: "error.toolkit.endBeforeStart",
  });
}

export const themeSchema = endsAfterStart(themeFields);

export const positions = ["i", "p", "s", "l", "g"] as const;

const involvementSchema = z.object({
  userId: z.uuid("error.toolkit.person"),
  position: z.enum([...positions, "none"], { error: "error.toolkit.position" }),
  kind: z.enum(["role", "interest", "help", "pilot"]).default("role"),
  note: z.string().trim().max(500, "error.tooLong500").default(""),
});

const stepNoteSchema = z.object({
  note: z.string().trim().min(3, "error.toolkit.note").max(4000, "error.tooLong4000"),
});

const agendaMeetingSchema = z.object({
  body: z.string().trim().min(2, "error.toolkit.body").max(80, "error.toolkit.body"),
  schoolYear,
  heldOn: day,
});

const choreSchema = z.object({
  text: z.string().trim().min(3, "error.toolkit.chore").max(200, "error.tooLong200"),
});

/** The section's decision for one initiative at one meeting of its year agenda. */
const agendaDecisionSchema = z.object({
  meetingId: z.string({ error: "error.toolkit.meeting" }).min(1, "error.toolkit.meeting"),
  initiativeId: z.string({ error: "error.toolkit.initiative" }).min(1, "error.toolkit.initiative"),
  column: z.enum(["plannen", "informeren", "ervaringen", "geschrapt"], {
    error: "error.toolkit.agendaColumn",
  }),
});

export type InitiativeInput = z.infer<typeof initiativeSchema>;
export type ThemeInput = z.infer<typeof themeSchema>;

/** The toolkit's start page: take an initiative, or name a theme. */
export const toolkitPageSchema = z.discriminatedUnion("intent", [
  initiativeSchema.extend({ intent: z.literal("initiative") }),
  endsAfterStart(themeFields.extend({ intent: z.literal("theme") })),
]);
export type ToolkitPageForm = z.input<typeof toolkitPageSchema>;

/** An initiative's page: its steps, notes on them, and who is involved how. */
export const initiativePageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("next") }),
  z.object({ intent: z.literal("back") }),
  z.object({ intent: z.literal("complete") }),
  z.object({ intent: z.literal("reopen") }),
  stepNoteSchema.extend({ intent: z.literal("note") }),
  // Interest, the pilot and help are for oneself: the command takes the actor as the person.
  involvementSchema.pick({ position: true, note: true }).extend({ intent: z.literal("interest") }),
  involvementSchema.pick({ position: true, note: true }).extend({ intent: z.literal("pilot") }),
  involvementSchema.pick({ position: true, note: true }).extend({ intent: z.literal("help") }),
  involvementSchema
    .pick({ userId: true, position: true, note: true })
    .extend({ intent: z.literal("position") }),
]);
export type InitiativePageForm = z.input<typeof initiativePageSchema>;

/** The carried section and year, to come back to the same agenda. */
const agendaPlace = {
  body: z.string().default(""),
  schoolYear: z.string().default(""),
};

/** The year agenda: a meeting, a chore for one, and the section's decisions. */
export const yearAgendaPageSchema = z.discriminatedUnion("intent", [
  agendaMeetingSchema.extend({ intent: z.literal("meeting") }),
  choreSchema.extend({
    intent: z.literal("chore"),
    meetingId: z.string().default(""),
    ...agendaPlace,
  }),
  // "Op de agenda" puts a plan discussion in column 1; the other buttons carry their column.
  agendaDecisionSchema.extend({ intent: z.literal("plan"), ...agendaPlace }),
  agendaDecisionSchema.extend({ intent: z.literal("decide"), ...agendaPlace }),
]);
export type YearAgendaPageForm = z.input<typeof yearAgendaPageSchema>;

/** The clean slate: per open theme of earlier years, close it or renew it (theme-<id> fields). */
export const cleanSlateSchema = z
  .looseObject({
    newYear: z.string({ error: "error.toolkit.schoolYear" }).regex(schoolYearPattern, {
      error: "error.toolkit.schoolYear",
    }),
  })
  .transform(({ newYear, ...fields }) => {
    const decisions: Record<string, "close" | "renew"> = {};
    for (const [key, value] of Object.entries(fields))
      if (key.startsWith("theme-") && (value === "close" || value === "renew"))
        decisions[key.slice(6)] = value;
    return { newYear, decisions };
  });

/** Step 1 of a network analysis: an initiative ("i:<id>") or theme ("t:<id>") in the middle. */
export const startAnalysisSchema = z.object({
  about: z
    .string()
    .default("")
    .transform((about) => {
      const [type, id = ""] = about.split(":");
      return { initiativeId: type === "i" ? id : null, themeId: type === "t" ? id : null };
    }),
});

export const ingredientCategories = [
  "idee",
  "gedachte",
  "middel",
  "persoon",
  "gebouw",
  "software",
  "instantie",
  "beeld",
  "anders",
] as const;
