import { z } from "zod";

/** The forms of Mijn gegevens: start an export, delete the account. */
export const personalDataPageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("export") }),
  z.object({
    intent: z.literal("delete"),
    // Absent when the person proved it is them at their school's provider instead.
    password: z.string().max(128, "rights.error.password.wrong").optional(),
    /** the single-use token the SSO callback handed back in ?bewijs= */
    proof: z.string().max(100, "rights.error.proof").optional(),
    confirmation: z
      .string({ error: "rights.error.confirmation" })
      .trim()
      .min(1, "rights.error.confirmation")
      .max(254, "rights.error.confirmation"),
  }),
]);
