import { StatementSections } from "#app/modules/privacy/components/StatementSections.tsx";
import { privacyStatement } from "#app/modules/privacy/statement.server.ts";
import { useT } from "#app/ui/i18n.tsx";
import { PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { withVisitor } from "../pipeline.server.ts";
import type { Route } from "./+types/privacy";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.privacy");
}

/** Public: the privacy statement, made from the register in the page's language. */
export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async ({ locale }) => privacyStatement(locale));
}

export default function Privacy({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { sections, modules } = loaderData;
  const [first, ...rest] = sections;
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("privacy.title")} intro={t("privacy.intro")}>
        <p>
          <a
            href="/privacy/bijsluiter.pdf"
            download
            className="font-medium text-accent-700 underline underline-offset-4"
          >
            {t("privacy.download")}
          </a>
        </p>
      </PageHeader>
      <nav aria-label={t("privacy.toc")}>
        <h2 className="text-base font-semibold">{t("privacy.toc")}</h2>
        <ul className="ml-5 list-disc text-accent-700">
          {first ? (
            <li>
              <a href={`#${first.id}`} className="underline">
                {first.heading}
              </a>
            </li>
          ) : null}
          <li>
            <a href="#register" className="underline">
              {t("privacy.register.heading")}
            </a>
          </li>
          {rest.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`} className="underline">
                {section.heading}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {first ? <StatementSections sections={[first]} /> : null}
      <section id="register" aria-labelledby="register-kop" className="flex flex-col gap-4">
        <h2 id="register-kop" className="text-xl font-semibold text-slate-900">
          {t("privacy.register.heading")}
        </h2>
        <p className="max-w-3xl text-slate-800">{t("privacy.register.intro")}</p>
        {modules.length === 0 ? <p>{t("privacy.register.empty")}</p> : null}
        {modules.map((module) => (
          <div key={module.module} className="flex flex-col gap-2">
            <h3 className="text-lg font-semibold text-slate-900">{module.name}</h3>
            {module.description ? (
              <p className="max-w-3xl text-slate-700">{module.description}</p>
            ) : null}
            {/* Three columns that wrap their text: readable on a phone without scrolling sideways. */}
            <table className="w-full table-fixed border-collapse text-left align-top text-sm">
              <caption className="sr-only">
                {t("privacy.register.caption", { module: module.name })}
              </caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    {t("privacy.col.data")}
                  </th>
                  <th scope="col" className="py-2 pr-3 font-semibold">
                    {t("privacy.col.purpose")}
                  </th>
                  <th scope="col" className="py-2 font-semibold">
                    {t("privacy.col.retention")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {module.rows.map((row) => (
                  <tr
                    key={`${row.table}:${row.data}`}
                    className="border-b border-slate-200 align-top"
                  >
                    <td className="break-words py-2 pr-3">
                      <p>{row.data}</p>
                      <p className="mt-1 text-slate-700">
                        {t("privacy.row.source", { source: row.source })}
                      </p>
                      <p className="mt-1 break-all font-mono text-xs text-slate-700">
                        {t("privacy.row.table", {
                          table: row.table,
                          columns: row.columns.join(", "),
                        })}
                      </p>
                    </td>
                    <td className="break-words py-2 pr-3">
                      <p>{row.purpose}</p>
                      <p className="mt-1 text-slate-700">
                        {t("privacy.row.ground", { ground: row.legalGround })}
                      </p>
                    </td>
                    <td className="break-words py-2">
                      <p>{row.retention}</p>
                      <p className="mt-1 text-slate-700">
                        {t("privacy.row.erasure", { rule: row.erasure })} {row.erasureNote}
                      </p>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>
      <StatementSections sections={rest} />
    </div>
  );
}
