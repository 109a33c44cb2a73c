import { StatementSections } from "#app/modules/privacy/components/StatementSections.tsx";
import { accessibilityStatement } from "#app/modules/privacy/statement-accessibility.server.ts";
import { useT } from "#app/ui/i18n.tsx";
import { PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { withVisitor } from "../pipeline.server.ts";
import type { Route } from "./+types/accessibility";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.accessibility");
}

/** Public: the accessibility statement after the model of digitoegankelijk.nl. */
export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async ({ locale }) => accessibilityStatement(locale));
}

export default function Accessibility({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("accessibility.title")} intro={t("accessibility.intro")} />
      <StatementSections sections={loaderData.sections} />
    </div>
  );
}
