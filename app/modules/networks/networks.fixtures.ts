import { networkProfileSchema } from "./networks.schema.ts";

// What the network tests share: a complete profile form to vary, raw and parsed.

export const profileInput = (overrides: Record<string, unknown> = {}) => ({
  name: "Moreel Beraad en Bildung",
  question: "Hoe voeren we het morele gesprek in de school?",
  sectors: ["VO"],
  status: "active",
  openness: "closed",
  joinMode: "direct",
  form: "location",
  capacity: "12",
  offerDays: "7",
  meetingsPerYear: "6",
  durationMonths: "24",
  themes: "bildung, moreel beraad",
  ...overrides,
});

export const profile = (overrides: Record<string, unknown> = {}) =>
  networkProfileSchema.parse(profileInput(overrides));
