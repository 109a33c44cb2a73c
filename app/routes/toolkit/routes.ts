import { index, type RouteConfigEntry, route } from "@react-router/dev/routes";

/**
 * The toolkit's pages, declared once for both places a toolkit lives: a school's
 * (organisaties/:organisationId/netwerklerend) and a network's (netwerklerend below the
 * network's layout). Each file serves both, so each route carries an id per place.
 */
export function toolkitRoutes(place: "org" | "net"): RouteConfigEntry[] {
  const id = (name: string) => ({ id: `${name}-${place}` });
  return [
    index("routes/toolkit/toolkit.tsx", id("toolkit")),
    route("initiatieven/:initiativeId", "routes/toolkit/initiative.tsx", id("initiative")),
    route("jaaragenda", "routes/toolkit/year-agenda.tsx", id("year-agenda")),
    route("schone-lei", "routes/toolkit/clean-slate.tsx", id("clean-slate")),
    route("wie-weet-wat", "routes/toolkit/knows-about.tsx", id("knows-about")),
    route("netwerkanalyses", "routes/toolkit/analyses.tsx", id("analyses")),
    route("netwerkanalyses/:analysisId", "routes/toolkit/analysis.tsx", id("analysis")),
    route(
      "netwerkanalyses/:analysisId/tabel.csv",
      "routes/toolkit/analysis-table.ts",
      id("analysis-table"),
    ),
    // A theme's page is its header with one child route per panel, each with its own forms.
    route("themas/:themeId", "routes/toolkit/theme.tsx", id("theme"), [
      index("routes/toolkit/theme-analysis.tsx", id("theme-analysis")),
      route("programma", "routes/toolkit/theme-programme.tsx", id("theme-programme")),
      route("kennisweb", "routes/toolkit/theme-kennisweb.tsx", id("theme-kennisweb")),
    ]),
    route(
      "themas/:themeId/bestanden/:fileId",
      "routes/toolkit/kennisweb-file.ts",
      id("kennisweb-file"),
    ),
    route("kaart", "routes/toolkit/map.tsx", id("map")),
  ];
}
