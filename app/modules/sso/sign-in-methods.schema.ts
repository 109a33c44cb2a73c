import { z } from "zod";

/** The forms of the sign-in methods page (linking itself starts at the provider's button). */
export const signInMethodsSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("unlink"), identityId: z.uuid() }),
  z.object({ intent: z.literal("drop-password") }),
  z.object({ intent: z.literal("password-mail") }),
]);
