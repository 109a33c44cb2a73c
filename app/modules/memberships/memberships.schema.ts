import { z } from "zod";

export const enrolSchema = z.object({
  routeId: z.union([z.literal(""), z.uuid("error.enrol.route")]).default(""),
  organisationId: z.union([z.literal(""), z.uuid("error.organisation.invalid")]).default(""),
  motivation: z.string().trim().min(10, "error.enrol.motivation").max(2000, "error.tooLong2000"),
  learningQuestionDraft: z.string().trim().max(2000, "error.tooLong2000").default(""),
});

const nominationSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("error.email.invalid")),
  note: z.string().trim().max(1000, "error.tooLong1000").default(""),
});

const intakeDecisionSchema = z.object({
  memberId: z.uuid(),
  decision: z.enum(["accept", "decline"]),
  message: z.string().trim().max(2000, "error.tooLong2000").default(""),
});

export type EnrolInput = z.infer<typeof enrolSchema>;

const roleChangeSchema = z.object({
  memberId: z.uuid(),
  role: z.enum(["penvoerder", "facilitator", "deelnemer"], { error: "error.role.invalid" }),
});

/** Every form on a network's page, one branch per button. */
export const networkPageSchema = z.discriminatedUnion("intent", [
  nominationSchema.extend({ intent: z.literal("nominate") }),
  z.object({ intent: z.literal("leave") }),
  z.object({ intent: z.literal("accept") }),
  z.object({ intent: z.literal("adopt"), programmeId: z.uuid() }),
  z.object({ intent: z.literal("record-facilitated") }),
  z.object({
    intent: z.literal("continuation"),
    continuation: z.enum(["continues", "stops", "intends"]),
  }),
]);
export type NetworkPageForm = z.input<typeof networkPageSchema>;

/** The penvoerder's page of members: intake decisions, roles, a second network. */
export const membersPageSchema = z.discriminatedUnion("intent", [
  intakeDecisionSchema.extend({ intent: z.literal("decide") }),
  roleChangeSchema.extend({ intent: z.literal("role") }),
  z.object({ intent: z.literal("second-network") }),
]);
export type EnrolForm = z.input<typeof enrolSchema>;
