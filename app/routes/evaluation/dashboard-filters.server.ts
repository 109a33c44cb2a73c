/** The dashboard's filters as they stand in the URL (?programma=&regio=&van=&tot=). */
export function filtersFrom(request: Request) {
  const params = new URL(request.url).searchParams;
  const day = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);
  return {
    programmeId: params.get("programma") || null,
    regionId: params.get("regio") || null,
    from: day(params.get("van")),
    to: day(params.get("tot")),
  };
}
