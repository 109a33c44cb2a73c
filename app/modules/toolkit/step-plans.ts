/** The step plan from initiative to approach (L, figure 3.2) and the BTG steps (L, chapter 2). */
export const stepPlans = {
  stappenplan: [
    { title: "Het begin", phase: "aanpak" },
    { title: "Wil iemand daar iets mee?", phase: "aanpak" },
    { title: "Wie betrek je daarbij?", phase: "aanpak" },
    { title: "Informeren van de sectie over het initiatief", phase: "aanpak" },
    { title: "Uitwerken van het initiatief in een aanpak", phase: "aanpak" },
    { title: "Initiatief bespreken met betrokkenen", phase: "aanpak" },
    { title: "Aanpassen aanpak", phase: "aanpak" },
    { title: "Aanpak bespreken in de sectie", phase: "aanpak" },
    { title: "Uitproberen initiatief", phase: "uitproberen" },
    { title: "Verzamelen en bespreken van ervaringen in de sectie", phase: "uitproberen" },
    { title: "Bijstellen en uitwerken aanpak", phase: "uitproberen" },
  ],
  btg: [
    { title: "Begin bij het begin: wat wil je graag in je werk verwezenlijken?", phase: "aanpak" },
    { title: "Voor wie wil je dit en wat is de waarde voor de ander(en)?", phase: "aanpak" },
    {
      title: "Check je ideeën met je omgeving: past het binnen het thema of de doelen?",
      phase: "aanpak",
    },
    { title: "Word voorbeeld van je initiatief", phase: "aanpak" },
    { title: "Zet een netwerk op om je initiatief verder vorm te geven", phase: "aanpak" },
    { title: "Laat anderen je initiatief inkleuren", phase: "uitproberen" },
    {
      title: "Ga gezamenlijk aan het werk en check de ontvangst in je omgeving",
      phase: "uitproberen",
    },
    { title: "Maak zo nodig een voorstel voor de organisatie", phase: "uitproberen" },
  ],
} as const;

export type PlanKind = keyof typeof stepPlans;

export function stepsOf(plan: PlanKind) {
  return stepPlans[plan];
}

export type StepMove = "next" | "back" | "complete" | "reopen";

/**
 * Where an initiative goes from a step. Steps go one at a time (a skipped conversation with the
 * section is exactly what went wrong with the test model); rounding off is possible from the
 * period of trying out only, and a rounded-off initiative can be reopened at its last step.
 */
export function moveStep(
  plan: PlanKind,
  state: { currentStep: number; completed: boolean },
  move: StepMove,
): { currentStep: number; completed: boolean } | { error: string } {
  const steps = stepsOf(plan);
  const last = steps.length - 1;
  if (state.completed) {
    return move === "reopen"
      ? { currentStep: last, completed: false }
      : { error: "error.initiative.completed" };
  }
  switch (move) {
    case "next":
      return state.currentStep >= last
        ? { error: "error.initiative.lastStep" }
        : { currentStep: state.currentStep + 1, completed: false };
    case "back":
      return state.currentStep <= 0
        ? { error: "error.initiative.firstStep" }
        : { currentStep: state.currentStep - 1, completed: false };
    case "complete":
      return steps[state.currentStep]?.phase === "uitproberen"
        ? { currentStep: state.currentStep, completed: true }
        : { error: "error.initiative.notTriedYet" };
    default:
      return { error: "error.initiative.notCompleted" };
  }
}
