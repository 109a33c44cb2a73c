// Apart from organisations.schema.ts so a page that only lists sectors (the catalogue's filter)
// does not ship zod and the form schemas to the browser.
export const sectors = ["PO", "VO", "SO", "MBO"] as const;
