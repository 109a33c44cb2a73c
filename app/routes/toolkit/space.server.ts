import type { SpaceKind } from "#app/modules/toolkit/toolkit.server.ts";

/** The toolkit lives under a school (/organisaties/:id/…) or a network (/netwerken/:id/…). */
export function spaceFrom(request: Request, spaceId: string) {
  const kind: SpaceKind = new URL(request.url).pathname.startsWith("/organisaties/")
    ? "organisation"
    : "network";
  const base = `/${kind === "organisation" ? "organisaties" : "netwerken"}/${spaceId}/netwerklerend`;
  return { kind, spaceId, base };
}

export { currentSchoolYear } from "#app/modules/toolkit/school-year.ts";
