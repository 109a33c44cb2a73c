import type { Db } from "#app/db/client.server.ts";
import {
  actorFor,
  addToOrganisation,
  buildOrganisation,
  buildUser,
} from "../../../tests/factories/index.ts";
import { authorizeSpace } from "./space-access.server.ts";
import { createTheme } from "./themes.server.ts";

// What the toolkit tests share: a school with a keeper (admin), two colleagues and an outsider,
// and an initiative to take.

export async function setupSchool(db: Db) {
  const organisation = await buildOrganisation(db, { name: "Baken Trinitas Gymnasium" });
  const users = await Promise.all([buildUser(db), buildUser(db), buildUser(db), buildUser(db)]);
  const [admin, fred, gemma, outsider] = await Promise.all(users.map((u) => actorFor(db, u)));
  if (!admin || !fred || !gemma || !outsider) throw new Error("setup");
  await addToOrganisation(db, admin.userId, organisation.id, "admin");
  await addToOrganisation(db, fred.userId, organisation.id);
  await addToOrganisation(db, gemma.userId, organisation.id);
  return { db, id: organisation.id, admin, fred, gemma, outsider };
}

/** The same school with a theme whose schakel is one of the colleagues. */
export async function setupSchoolWithTheme(db: Db) {
  const organisation = await buildOrganisation(db);
  const users = await Promise.all([buildUser(db), buildUser(db), buildUser(db), buildUser(db)]);
  const [admin, schakel, colleague, outsider] = await Promise.all(
    users.map((u) => actorFor(db, u)),
  );
  if (!admin || !schakel || !colleague || !outsider) throw new Error("setup");
  await addToOrganisation(db, admin.userId, organisation.id, "admin");
  await addToOrganisation(db, schakel.userId, organisation.id);
  await addToOrganisation(db, colleague.userId, organisation.id);
  const themeId = await createTheme(
    db,
    await authorizeSpace(db, schakel, "organisation", organisation.id),
    {
      name: "Differentiatie",
      kind: "jaarthema",
      description: "",
      schoolYear: "2026-2027",
      startsOn: null,
      endsOn: null,
      schakelIds: [schakel.userId],
      initiativeIds: [],
    },
  );
  return { db, id: organisation.id, admin, schakel, colleague, outsider, themeId };
}

export const initiative = {
  name: "Nieuw toetsmodel",
  goal: "Eén toetsmodel voor de hele sectie Engels, van klas 1 tot en met 6.",
  forWhom: "De sectie Engels en de leerlingen",
  valueForOthers: "Andere talensecties kunnen het overnemen",
  plan: "stappenplan" as const,
  themeIds: [],
};
