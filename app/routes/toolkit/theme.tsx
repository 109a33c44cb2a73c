import { Link, NavLink, Outlet } from "react-router";
import { themeKindLabel } from "#app/i18n/labels.ts";
import { spaceBase, spaceSummary } from "#app/modules/toolkit/space-access.server.ts";
import { getThemeHeader, themeRights } from "#app/modules/toolkit/themes.server.ts";
import { useT } from "#app/ui/i18n.tsx";
import { PageHeader, Tag } from "#app/ui/layout.tsx";
import { namedTitle } from "#app/ui/page-title.ts";
import { withSpace } from "../pipeline.server.ts";
import type { Route } from "./+types/theme";

export function meta({ loaderData, matches }: Route.MetaArgs) {
  return namedTitle(matches, loaderData?.theme.name, "pageTitle.theme");
}

/**
 * A post to the theme's own address without ?index reaches this layout, which has no form: an
 * unknown theme is still a 404 there (not a 405). Pages load it with their loaders.
 */
export const middleware: Route.MiddlewareFunction[] = [
  async (args, next) => {
    if (args.request.method !== "GET" && args.request.method !== "HEAD")
      await withSpace(args, ({ db, space }) => themeRights(db, space, args.params.themeId));
    return next();
  },
];

// A theme's page: its header, and one child route per panel (the theme analysis, the network
// programme, the kennisweb), each with its own loader and forms.
export async function loader(args: Route.LoaderArgs) {
  return withSpace(args, async ({ db, space }) => {
    const header = await getThemeHeader(db, space, args.params.themeId);
    return { ...header, space: spaceSummary(space), base: spaceBase(space) };
  });
}

export default function Theme({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { theme, schakels, base } = loaderData;
  const here = `${base}/themas/${theme.id}`;
  const panels: [string, string][] = [
    [here, t("themeAnalysis.title")],
    [`${here}/programma`, t("programme.title")],
    [`${here}/kennisweb`, t("kennisweb.title")],
  ];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={theme.name} intro={loaderData.space.name}>
        <p className="flex flex-wrap items-center gap-2">
          <Tag>{t(themeKindLabel[theme.kind])}</Tag> {theme.schoolYear}
          {theme.closedAt ? <Tag>{t("toolkit.closed")}</Tag> : null}
          {schakels.length
            ? ` · ${t("toolkit.schakels", { names: schakels.map((s) => s.name).join(", ") })}`
            : ""}
        </p>
        <Link to={base} className="text-accent-700 underline print:hidden">
          {t("toolkit.back")}
        </Link>
        <nav aria-label={theme.name} className="flex flex-wrap gap-4 print:hidden">
          {panels.map(([to, label]) => (
            <NavLink
              key={to}
              to={to}
              end
              className="text-accent-700 underline aria-[current=page]:font-semibold"
            >
              {label}
            </NavLink>
          ))}
        </nav>
      </PageHeader>
      <Outlet />
    </div>
  );
}
