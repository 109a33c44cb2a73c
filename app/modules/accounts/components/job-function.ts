import { jobFunctionName, labelFor } from "#app/i18n/labels.ts";
import type { useT } from "#app/ui/i18n.tsx";

/** The function as people call it: the listed name, or what they typed under "anders". */
export function jobFunctionLabel(
  t: ReturnType<typeof useT>,
  person: { jobFunction: string | null; jobFunctionOther: string | null },
) {
  if (!person.jobFunction) return null;
  return person.jobFunction === "anders"
    ? person.jobFunctionOther
    : t(labelFor(jobFunctionName, person.jobFunction));
}
