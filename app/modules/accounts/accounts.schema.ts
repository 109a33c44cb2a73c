import { z } from "zod";
import { formList } from "#app/platform/forms.ts";
import { isCommonPassword } from "./common-passwords.ts";

export const jobFunctions = [
  "schoolleider",
  "teamleider",
  "afdelingsleider",
  "leraar",
  "intern-begeleider",
  "hr",
  "bestuurder",
  "anders",
] as const;

export const passwordRules = { min: 8, recommended: 15, max: 128 };

const email = z
  .string({ error: "error.email.required" })
  .trim()
  .min(1, "error.email.required")
  .max(254, "error.email.invalid")
  .pipe(z.email("error.email.invalid"))
  .transform((value) => value.toLowerCase());

const newPassword = z
  .string({ error: "error.password.required" })
  .min(1, "error.password.required")
  .min(passwordRules.min, "error.password.tooShort")
  .max(passwordRules.max, "error.password.tooLong")
  .refine((value) => !isCommonPassword(value), "error.password.common");

const name = z
  .string({ error: "error.name.required" })
  .trim()
  .min(2, "error.name.required")
  .max(120, "error.name.tooLong");

export const registerSchema = z.object({ name, email, password: newPassword });

export const loginSchema = z.object({
  email,
  // Nobody's password is longer than the register allows; a 10 MB one is not worth hashing.
  password: z
    .string({ error: "error.password.required" })
    .min(1, "error.password.required")
    .max(passwordRules.max, "error.password.tooLong"),
});

export const emailOnlySchema = z.object({ email });

export const resetPasswordSchema = z
  .object({ password: newPassword, passwordConfirm: z.string().default("") })
  .refine((value) => value.password === value.passwordConfirm, {
    path: ["passwordConfirm"],
    message: "error.password.mismatch",
  });

export const profileSchema = z
  .object({
    name,
    jobFunction: z.enum(jobFunctions, { error: "error.jobFunction.invalid" }),
    jobFunctionOther: z.string().trim().max(80, "error.jobFunctionOther.tooLong").default(""),
    regionId: z.union([z.literal(""), z.uuid("error.region.invalid")]).default(""),
    bio: z.string().trim().max(1000, "error.bio.tooLong").default(""),
    expertise: z
      .string()
      .default("")
      .transform((value) => [
        ...new Set(
          value
            .split(",")
            .map((tag) => tag.trim().toLowerCase())
            .filter(Boolean),
        ),
      ])
      .pipe(
        z
          .array(z.string().max(40, "error.expertise.tagTooLong"))
          .max(15, "error.expertise.tooMany"),
      ),
    organisationIds: formList(z.uuid("error.organisation.invalid")).pipe(
      z.array(z.string()).max(5, "error.form"),
    ),
  })
  .refine((value) => value.jobFunction !== "anders" || value.jobFunctionOther.length > 0, {
    path: ["jobFunctionOther"],
    message: "error.jobFunctionOther.required",
  });

export type ProfileInput = z.infer<typeof profileSchema>;

/** "Mijn sessies": end one session, or all of them. */
export const sessionsPageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("end-all") }),
  z.object({ intent: z.literal("end"), session: z.string().max(128) }),
]);

/**
 * "Mijn e-mailadres": the new address, proven by the password or (an account without one) by the
 * proof a fresh login at the person's provider hands back.
 */
export const ownEmailPageSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("change-email"),
    email,
    password: z.string().max(passwordRules.max, "error.password.tooLong").default(""),
    proof: z.string().max(200).default(""),
  }),
]);

export type OwnEmailForm = z.input<typeof ownEmailPageSchema>;

const accountId = z.string().max(64);

/** /beheer/accounts: a platform admin's actions on one account. */
export const accountAdminPageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("disable"), userId: accountId }),
  z.object({ intent: z.literal("enable"), userId: accountId }),
  z.object({ intent: z.literal("change-email"), userId: accountId, email }),
  z.object({ intent: z.literal("erase"), userId: accountId }),
]);

export type AccountAdminForm = z.input<typeof accountAdminPageSchema>;
