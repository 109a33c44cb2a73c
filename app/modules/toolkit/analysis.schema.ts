import { z } from "zod";
import { formList } from "#app/platform/forms.ts";
import { ingredientCategories, positions } from "./toolkit.schema.ts";

const itemId = z.string().default("");

/** Where a dragged node was put: within the picture's reach, or the drag is refused (400). */
const coordinate = z.preprocess(
  (value) => Number(value ?? 0),
  z.number().refine((n) => Number.isFinite(n) && Math.abs(n) <= 5000, "error.form"),
);

/** A network analysis's page: brainstorm, schakels, a node's story and position, its invitation. */
export const analysisPageSchema = z.discriminatedUnion("intent", [
  // Step 2: ingredients, one per line (a brainstorm first).
  z.object({
    intent: z.literal("ingredients"),
    labels: z
      .string()
      .default("")
      .transform((text) =>
        text
          .split("\n")
          .map((l) => l.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(z.string().max(120, "error.analysis.label"))
          .min(1, "error.analysis.ingredients")
          .max(40),
      ),
    category: z.enum(ingredientCategories).default("anders"),
  }),
  // Step 3: a schakel, a colleague or someone outside the school, linked to ingredients.
  z.object({
    intent: z.literal("schakel"),
    label: z.string().trim().max(120, "error.analysis.label").default(""),
    userId: z
      .string()
      .default("")
      .transform((v) => v || null)
      .pipe(z.uuid("error.toolkit.person").nullable()),
    ingredientIds: formList(z.uuid()),
  }),
  // Steps 4 and 5: the story, the contact and the position of a node.
  z.object({
    intent: z.literal("update"),
    itemId: z.uuid(),
    label: z.string().trim().max(120, "error.analysis.label").default(""),
    story: z.string().trim().max(4000, "error.tooLong4000").default(""),
    email: z
      .string()
      .trim()
      .default("")
      .pipe(z.union([z.literal(""), z.email("error.email.invalid")])),
    position: z
      .string()
      .default("")
      .transform((v) => v || null)
      .pipe(z.enum(positions, { error: "error.toolkit.position" }).nullable()),
  }),
  z.object({ intent: z.literal("invite"), itemId }),
  z.object({ intent: z.literal("remove"), itemId }),
  z.object({ intent: z.literal("move"), itemId, x: coordinate, y: coordinate }),
]);
export type AnalysisPageForm = z.input<typeof analysisPageSchema>;
