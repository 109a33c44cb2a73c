import { z } from "zod";

export const sectors = ["PO", "VO", "SO", "MBO"] as const;

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
