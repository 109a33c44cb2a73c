import { z } from "zod";
import { formList } from "#app/platform/forms.ts";
import { sectors } from "./sectors.ts";

export { sectors };

export const organisationSchema = z.object({
  name: z
    .string({ error: "error.orgName.required" })
    .trim()
    .min(2, "error.orgName.required")
    .max(160, "error.orgName.tooLong"),
  brin: z
    .string()
    .trim()
    .toUpperCase()
    .default("")
    .refine((value) => value === "" || /^\d{2}[A-Z]{2}$/.test(value), "error.brin.invalid"),
  sector: z.union([z.literal(""), z.enum(sectors, { error: "error.sector.invalid" })]).default(""),
  place: z.string().trim().max(80, "error.place.tooLong").default(""),
  regionId: z.union([z.literal(""), z.uuid("error.region.invalid")]).default(""),
  boardId: z.union([z.literal(""), z.uuid("error.board.invalid")]).default(""),
});

export type OrganisationInput = z.infer<typeof organisationSchema>;

/** A new school or board: the same fields, and which of the two it is. */
export const newOrganisationSchema = organisationSchema.extend({
  kind: z.enum(["school", "board"], { error: "error.orgKind.invalid" }),
});

/** Every form on a school's page: workplace requests, admin role, team per person or for a selection. */
export const organisationPageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm"), userId: z.uuid() }),
  z.object({ intent: z.literal("decline"), userId: z.uuid() }),
  z.object({ intent: z.literal("role"), userId: z.uuid(), role: z.enum(["member", "admin"]) }),
  z.object({
    intent: z.literal("team"),
    userId: z.uuid(),
    team: z.string().trim().max(60, "error.org.team").default(""),
  }),
  z.object({
    intent: z.literal("teams"),
    userIds: formList(z.uuid("error.org.people.notHere")).pipe(
      z.array(z.string()).min(1, "error.org.people.none").max(500, "error.org.people.none"),
    ),
    team: z.string().trim().max(60, "error.org.team").default(""),
  }),
]);
export type OrganisationPageForm = z.input<typeof organisationPageSchema>;

/** A school's login domains: add one, remove one (the module checks and normalises the name). */
export const loginDomainsPageSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    domain: z
      .string({ error: "error.loginDomain.invalid" })
      .trim()
      .min(1, "error.loginDomain.invalid")
      .max(253, "error.loginDomain.invalid"),
  }),
  z.object({ intent: z.literal("remove"), domain: z.string().trim().min(1).max(253) }),
]);
export type LoginDomainsPageForm = z.input<typeof loginDomainsPageSchema>;
