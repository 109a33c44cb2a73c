import { z } from "zod";
import { programmeActivityKinds } from "./programme.ts";
import { isCalendarDay } from "./toolkit.schema.ts";

const optionalDay = z
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
const day = z
  .string({ error: "error.meeting.day" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "error.meeting.day")
  .refine(isCalendarDay, "error.meeting.day");

/** The canvas of figure 7.3: the brainstorm's words (one per line or comma), the story, the timeline. */
const canvasSchema = z.object({
  words: z
    .string()
    .default("")
    .transform((text) =>
      [
        ...new Set(
          text
            .split(/[\n,]/)
            .map((w) => w.trim())
            .filter(Boolean),
        ),
      ].slice(0, 40),
    ),
  chosenName: z.string().trim().max(120, "error.toolkit.name").default(""),
  remarks: z.string().trim().max(8000, "error.tooLong8000").default(""),
  story: z.string().trim().max(8000, "error.tooLong8000").default(""),
  ideas: z.string().trim().max(8000, "error.tooLong8000").default(""),
  startsOn: optionalDay,
  manifestationOn: optionalDay,
  manifestation: z.string().trim().max(2000, "error.tooLong2000").default(""),
});

/** The theme analysis panel: the canvas and a meeting moment on its timeline. */
export const themeAnalysisPanelSchema = z.discriminatedUnion("intent", [
  canvasSchema.extend({ intent: z.literal("canvas") }),
  z.object({
    intent: z.literal("moment"),
    heldOn: day,
    title: z
      .string({ error: "error.toolkit.name" })
      .trim()
      .min(3, "error.toolkit.name")
      .max(120, "error.toolkit.name"),
  }),
]);
export type ThemeAnalysisPanelForm = z.input<typeof themeAnalysisPanelSchema>;

const title = z
  .string({ error: "error.toolkit.name" })
  .trim()
  .min(3, "error.toolkit.name")
  .max(120, "error.toolkit.name");

/** The network programme panel: start it, plan its activities, pilots, the newsletter, signing up. */
export const programmePanelSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("programme"),
    startsOn: day,
    months: z.coerce.number().refine((m) => [3, 6, 12].includes(m), "error.programme.months"),
  }),
  z.object({
    intent: z.literal("activity"),
    activity: z.enum(programmeActivityKinds),
    plannedOn: optionalDay,
    note: z.string().trim().max(2000, "error.tooLong2000").default(""),
    done: z
      .string()
      .optional()
      .transform((v) => v === "on"),
  }),
  z.object({
    intent: z.literal("pilot"),
    title,
    participants: z.string().trim().max(1000, "error.tooLong1000").default(""),
    experiences: z.string().trim().max(4000, "error.tooLong4000").default(""),
  }),
  z.object({
    intent: z.literal("newsletter"),
    title,
    body: z
      .string({ error: "error.newsletter.body" })
      .trim()
      .min(10, "error.newsletter.body")
      .max(20000, "error.tooLong8000"),
  }),
  z.object({ intent: z.literal("denk") }),
  z.object({ intent: z.literal("doe") }),
  z.object({ intent: z.literal("nieuwsbrief") }),
]);
export type ProgrammePanelForm = z.input<typeof programmePanelSchema>;

export const kenniswebKinds = [
  "verhaal",
  "uitspraak",
  "activiteit",
  "voorbeeld",
  "document",
  "link",
] as const;

/** The kennisweb panel: a story, saying, activity, example, document or link (a file optional). */
export const kenniswebPanelSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("item"),
    kind: z.enum(kenniswebKinds),
    title: z
      .string({ error: "error.toolkit.name" })
      .trim()
      .min(3, "error.toolkit.name")
      .max(150, "error.toolkit.name"),
    body: z.string().trim().max(8000, "error.tooLong8000").default(""),
    url: z
      .string()
      .trim()
      .default("")
      .pipe(
        z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "error.kennisweb.url" })]),
      ),
  }),
]);
export type KenniswebPanelForm = z.input<typeof kenniswebPanelSchema>;
