import { Link } from "react-router";
import { getGoodPractice } from "#app/modules/evaluation/harvest.server.ts";
import { useT } from "#app/ui/i18n.tsx";
import { Card, PageHeader } from "#app/ui/layout.tsx";
import { namedTitle } from "#app/ui/page-title.ts";
import { withVisitor } from "../pipeline.server.ts";
import type { Route } from "./+types/good-practice";

export function meta({ loaderData, matches }: Route.MetaArgs) {
  return namedTitle(matches, loaderData?.practice.title, "pageTitle.goodPractice");
}

export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async ({ db }) => ({
    practice: await getGoodPractice(db, args.params.practiceId),
  }));
}

export default function GoodPractice({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { practice } = loaderData;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={practice.title} intro={practice.networkName}>
        <Link to="/goede-voorbeelden" className="text-accent-700 underline">
          {t("practices.title")}
        </Link>
      </PageHeader>
      <Card>
        <p className="whitespace-pre-line">{practice.answer}</p>
        {practice.fileId ? (
          <a
            href={`/goede-voorbeelden/bestand/${practice.fileId}`}
            className="mt-2 inline-block text-accent-700 underline"
          >
            {t("harvest.file")}
          </a>
        ) : null}
        <dl className="mt-3 grid gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
          {practice.schoolName ? (
            <>
              <dt className="font-medium">{t("practices.voorbeeldschool")}</dt>
              <dd>{practice.schoolName}</dd>
            </>
          ) : null}
          {practice.people.length ? (
            <>
              <dt className="font-medium">{t("practices.people")}</dt>
              <dd>{practice.people.join(", ")}</dd>
            </>
          ) : null}
          {practice.publishedAt ? (
            <>
              <dt className="font-medium">{t("practices.published")}</dt>
              <dd>{t.date(practice.publishedAt)}</dd>
            </>
          ) : null}
        </dl>
      </Card>
    </div>
  );
}
