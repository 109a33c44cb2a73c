/** "2026-2027" for a day in the school year that starts on 1 August. */
export function currentSchoolYear(now = new Date()) {
  const year = now.getUTCFullYear();
  const start = now.getUTCMonth() >= 7 ? year : year - 1;
  return `${start}-${start + 1}`;
}

export function previousSchoolYear(schoolYear: string) {
  const start = Number(schoolYear.slice(0, 4)) - 1;
  return `${start}-${start + 1}`;
}
