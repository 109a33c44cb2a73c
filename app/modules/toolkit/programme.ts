/** The nine activities of a network programme (L 7.3), for the theme page's form. */
export { programmeActivityKinds } from "#app/db/schema/index.ts";
