import { z } from "zod";
import { profileSchema } from "../accounts/accounts.schema.ts";

export const onboardingSteps = ["function", "school", "expertise", "networks", "calendar"] as const;
export type OnboardingStep = (typeof onboardingSteps)[number];

/** The steps' Dutch URLs: /welkom?stap=functie … */
const stepSlugs: Record<OnboardingStep, string> = {
  function: "functie",
  school: "school",
  expertise: "expertise",
  networks: "netwerken",
  calendar: "agenda",
};

export function stepFromSlug(slug: string | null): OnboardingStep | null {
  return onboardingSteps.find((step) => stepSlugs[step] === slug) ?? null;
}

export const welcomePath = (step: OnboardingStep) => `/welkom?stap=${stepSlugs[step]}`;

const { jobFunction, jobFunctionOther, regionId, expertise } = profileSchema.shape;

/** The welcome's forms: one per step, plus skipping a step, skipping it all and finishing. */
export const welcomePageSchema = z.discriminatedUnion("intent", [
  z
    .object({ intent: z.literal("function"), jobFunction, jobFunctionOther, regionId })
    .refine((value) => value.jobFunction !== "anders" || value.jobFunctionOther.length > 0, {
      path: ["jobFunctionOther"],
      message: "error.jobFunctionOther.required",
    }),
  z.object({
    intent: z.literal("school"),
    organisationId: z.uuid({ error: "error.welcome.school.choose" }),
  }),
  z.object({ intent: z.literal("expertise"), expertise }),
  z.object({ intent: z.literal("skip"), step: z.enum(onboardingSteps) }),
  z.object({ intent: z.literal("skip-all") }),
  z.object({ intent: z.literal("create-feed") }),
  z.object({ intent: z.literal("finish") }),
]);

export type WelcomePageForm = z.input<typeof welcomePageSchema>;
