/** The items of the VO-academie's evaluation of its networks (seed V, 2.2), on a 5-point scale. */
export const evaluationTemplate = [
  { code: "topics", kind: "scale", text: "In het netwerk worden de juiste onderwerpen besproken." },
  {
    code: "practice",
    kind: "scale",
    text: "Ik kan onderwerpen uit mijn eigen praktijk inbrengen.",
  },
  {
    code: "competences",
    kind: "scale",
    text: "Dankzij het netwerk heb ik mijn competenties uitgebreid.",
  },
  {
    code: "used",
    kind: "scale",
    text: "Ik heb kennis uit het netwerk in mijn eigen praktijk gebruikt.",
  },
  { code: "atmosphere", kind: "scale", text: "De sfeer in het netwerk is goed." },
  {
    code: "perspectives",
    kind: "scale",
    text: "Het netwerk biedt een verscheidenheid aan invalshoeken.",
  },
  { code: "cohesion", kind: "scale", text: "Er is cohesie in het netwerk." },
  {
    code: "own-development",
    kind: "scale",
    text: "Het netwerk is belangrijk voor mijn eigen ontwikkeling.",
  },
  {
    code: "school-development",
    kind: "scale",
    text: "Het netwerk is belangrijk voor de ontwikkeling van mijn school.",
  },
  { code: "open-best", kind: "open", text: "Wat werkt het best in dit netwerk?" },
  { code: "open-better", kind: "open", text: "Wat kan beter?" },
] as const;

export const scaleLabels = [
  "helemaal oneens",
  "oneens",
  "neutraal",
  "eens",
  "helemaal eens",
] as const;

/** Results are shown from this many answers on, so no one can be recognised. */
export const minimumAnswers = 5;
