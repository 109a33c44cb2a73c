import type nl from "./nl.ts";

export default {
  "privacy.title": "Privacy statement",
  "privacy.intro":
    "Which personal data Knooppunt processes, for what, on which ground, for how long, and what you can do about it. This page is made from the register of personal data in the software itself.",
  "privacy.toc": "On this page",
  "privacy.register.heading": "Which data, for what and how long",
  "privacy.register.intro":
    "Per part of Knooppunt: which data, for what purpose and on which ground, from whom, how long it stays, and what happens when someone deletes their account.",
  "privacy.register.empty": "The register is still empty.",
  "privacy.register.caption": "Personal data in {module}",
  "privacy.col.data": "Data",
  "privacy.col.purpose": "Purpose and ground",
  "privacy.col.retention": "Retention and erasure",
  "privacy.row.source": "From: {source}",
  "privacy.row.table": "Table {table}: {columns}",
  "privacy.row.ground": "Ground: {ground}",
  "privacy.row.erasure": "When the account is deleted: {rule}.",
  "privacy.download": "Privacybijsluiter (PDF, in Dutch)",
  "annex.title": "Annex 1 to the processing agreement",
  "annex.intro":
    "The specification of personal data for the processing agreement after the model of the Dutch education Privacy Covenant, filled in from Knooppunt's register. The annex itself is in Dutch.",
  "annex.pdf": "Annex 1 as PDF",
  "annex.back": "Back to the privacy statement",
  "accessibility.title": "Accessibility statement",
  "accessibility.intro":
    "How accessible Knooppunt is, how that is tested, what is not right yet and where to turn when something does not work.",
} satisfies Record<keyof typeof nl, string>;
