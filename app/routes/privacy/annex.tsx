import { Link } from "react-router";
import { StatementSections } from "#app/modules/privacy/components/StatementSections.tsx";
import { processingAnnex } from "#app/modules/privacy/statement.server.ts";
import { useT } from "#app/ui/i18n.tsx";
import { PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { withVisitor } from "../pipeline.server.ts";
import type { Route } from "./+types/annex";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.processingAnnex");
}

/** Public: Bijlage 1 of the model processing agreement, filled in from the register (Dutch). */
export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async () => processingAnnex());
}

export default function Annex({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("annex.title")} intro={t("annex.intro")}>
        <p className="flex flex-wrap gap-x-6 gap-y-2">
          <a
            href="/privacy/verwerkersovereenkomst-bijlage.pdf"
            download
            className="font-medium text-accent-700 underline underline-offset-4"
          >
            {t("annex.pdf")}
          </a>
          <Link to="/privacy" className="text-accent-700 underline underline-offset-4">
            {t("annex.back")}
          </Link>
        </p>
      </PageHeader>
      {/* The annex is a Dutch contract document, also when the interface is in English. */}
      <div lang="nl" className="flex flex-col gap-8">
        <StatementSections sections={loaderData.sections} />
      </div>
    </div>
  );
}
