import { pgTable, text, uuid } from "drizzle-orm/pg-core";

// Its own file: users and organisations both point at a region, and neither file may import the other.
export const regions = pgTable("regions", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
});
