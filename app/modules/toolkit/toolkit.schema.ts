import { z } from "zod";

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

export const schoolYearPattern = /^(\d{4})-(\d{4})$/;
const schoolYear = z
  .string()
  .trim()
  .regex(schoolYearPattern, "error.toolkit.schoolYear")
  .refine((v) => {
    const [, a, b] = v.match(schoolYearPattern) ?? [];
    return Number(b) === Number(a) + 1;
  }, "error.toolkit.schoolYear");

export const initiativeSchema = z.object({
  name: z.string().trim().min(3, "error.toolkit.name").max(120, "error.toolkit.name"),
  goal: z.string().trim().min(10, "error.toolkit.goal").max(4000, "error.tooLong4000"),
  forWhom: z.string().trim().max(1000, "error.tooLong1000").default(""),
  valueForOthers: z.string().trim().max(2000, "error.tooLong2000").default(""),
  plan: z.enum(["stappenplan", "btg"], { error: "error.toolkit.plan" }).default("stappenplan"),
  themeIds: z.array(z.uuid("error.toolkit.theme")).max(10).default([]),
});

export const themeSchema = z
  .object({
    name: z.string().trim().min(3, "error.toolkit.name").max(120, "error.toolkit.name"),
    kind: z.enum(["jaarthema", "vast", "tijdelijk"], { error: "error.toolkit.themeKind" }),
    description: z.string().trim().max(4000, "error.tooLong4000").default(""),
    schoolYear,
    startsOn: day,
    endsOn: day,
    schakelIds: z.array(z.uuid("error.toolkit.person")).max(10).default([]),
    initiativeIds: z.array(z.uuid("error.toolkit.initiative")).max(50).default([]),
    renewedFromId: z.uuid().optional(),
  })
  .refine((v) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn, {
    path: ["endsOn"],
    message: "error.toolkit.endBeforeStart",
  });

export const positions = ["i", "p", "s", "l", "g"] as const;

export const involvementSchema = z.object({
  userId: z.uuid("error.toolkit.person"),
  position: z.enum([...positions, "none"], { error: "error.toolkit.position" }),
  kind: z.enum(["role", "interest", "help", "pilot"]).default("role"),
  note: z.string().trim().max(500, "error.tooLong500").default(""),
});

export const stepNoteSchema = z.object({
  note: z.string().trim().min(3, "error.toolkit.note").max(4000, "error.tooLong4000"),
});

export const agendaMeetingSchema = z.object({
  body: z.string().trim().min(2, "error.toolkit.body").max(80, "error.toolkit.body"),
  schoolYear,
  heldOn: day,
});

export const choreSchema = z.object({
  text: z.string().trim().min(3, "error.toolkit.chore").max(200, "error.tooLong200"),
});

/** The section's decision for one initiative at one meeting of its year agenda. */
export const agendaDecisionSchema = z.object({
  meetingId: z.string({ error: "error.toolkit.meeting" }).min(1, "error.toolkit.meeting"),
  initiativeId: z.string({ error: "error.toolkit.initiative" }).min(1, "error.toolkit.initiative"),
  column: z.enum(["plannen", "informeren", "ervaringen", "geschrapt"], {
    error: "error.toolkit.agendaColumn",
  }),
});

export type InitiativeInput = z.infer<typeof initiativeSchema>;
export type ThemeInput = z.infer<typeof themeSchema>;

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
