import { z } from "zod";

/** The start page's one form: open a survey one was asked to answer (a fresh one-time link). */
export const startPageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("open-survey"), surveyId: z.string() }),
]);
