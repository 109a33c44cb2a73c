/** The step plan from initiative to approach (L, figure 3.2) and the BTG steps (L, chapter 2). */
export const stepPlans = {
  stappenplan: [
    { title: "Het begin", detail: "", phase: "aanpak" },
    { title: "Wil iemand daar iets mee?", detail: "", phase: "aanpak" },
    { title: "Wie betrek je daarbij?", detail: "", phase: "aanpak" },
    { title: "Informeren van de sectie over het initiatief", detail: "", phase: "aanpak" },
    { title: "Uitwerken van het initiatief in een aanpak", detail: "", phase: "aanpak" },
    { title: "Initiatief bespreken met betrokkenen", detail: "", phase: "aanpak" },
    { title: "Aanpassen aanpak", detail: "", phase: "aanpak" },
    { title: "Aanpak bespreken in de sectie", detail: "", phase: "aanpak" },
    { title: "Uitproberen initiatief", detail: "", phase: "uitproberen" },
    {
      title: "Verzamelen en bespreken van ervaringen in de sectie",
      detail: "",
      phase: "uitproberen",
    },
    { title: "Bijstellen en uitwerken aanpak", detail: "", phase: "uitproberen" },
  ],
  // Chapter 2, "Stappenplan BTG-initiatieven", in the teamleader's own words (unnumbered there:
  // the page counts them 1–8); what follows a step's first sentence is its detail.
  btg: [
    {
      title: "Begin bij het begin: wat wil je graag in je werk verwezenlijken?",
      detail: "",
      phase: "aanpak",
    },
    {
      title:
        "Stel jezelf de vraag voor wie je dit wilt en wat de waarde voor de ander(en) kan zijn",
      detail: "",
      phase: "aanpak",
    },
    {
      title: "Check je ideeën met je omgeving, dat is de organisatie waarin je werkt",
      detail:
        "Past het initiatief dat je wilt nemen binnen het thema of de gestelde doelen? Vinden anderen dat ook?",
      phase: "aanpak",
    },
    { title: "Word voorbeeld van je initiatief", detail: "", phase: "aanpak" },
    {
      title: "Zet een netwerk op om je initiatief verder vorm te geven",
      detail: "",
      phase: "aanpak",
    },
    {
      title:
        "Laat anderen van het ontstane netwerk toe tot jouw initiatief, laat hen je initiatief ‘inkleuren’",
      detail:
        "Je initiatief is nu niet meer alleen van jou, het zal pas echt gaan leven als anderen zaken toevoegen.",
      phase: "uitproberen",
    },
    {
      title: "Ga gezamenlijk aan het werk en check de ontvangst in je omgeving",
      detail: "",
      phase: "uitproberen",
    },
    {
      title: "Maak - als dit nog nodig is - een voorstel voor de organisatie",
      detail: "Daarmee kan je het initiatief bestendigen!",
      phase: "uitproberen",
    },
  ],
} as const;

export type PlanKind = keyof typeof stepPlans;

export function stepsOf(plan: PlanKind) {
  return stepPlans[plan];
}

/** The number a person sees: the step plan of chapter 3 counts from 0, the BTG steps from 1. */
export function stepNumber(plan: PlanKind, step: number) {
  return plan === "btg" ? step + 1 : step;
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
