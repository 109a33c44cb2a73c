import { Form, Link, redirect } from "react-router";
import { supportStatusLabel } from "#app/i18n/labels.ts";
import { CriteriaList } from "#app/modules/networks/components/criteria-list.tsx";
import {
  requireCanManageNetwork,
  requireNetworkRight,
} from "#app/modules/networks/network-access.server.ts";
import { canApplyForSupport } from "#app/modules/networks/networks.policy.ts";
import { supportApplicationSchema } from "#app/modules/networks/networks.schema.ts";
import { formatEuro } from "#app/modules/networks/pricing.ts";
import {
  listNetworkApplications,
  listSupportProgrammes,
  previewApplication,
  submitApplication,
} from "#app/modules/networks/support.server.ts";
import { ErrorSummary, SelectField, SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { replyErrorsOf } from "#app/ui/intent-form.ts";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { SearchForm } from "#app/ui/search-form.tsx";
import { handleForm } from "../forms.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import type { Route } from "./+types/support";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.supportRequest");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, locale, network }) => {
    requireCanManageNetwork(network);
    const url = new URL(args.request.url);
    const [programmes, applications] = await Promise.all([
      listSupportProgrammes(db),
      listNetworkApplications(db, network),
    ]);
    const programmeId =
      programmes.find((p) => p.id === url.searchParams.get("programma"))?.id ?? null;
    const preview = programmeId ? await previewApplication(db, network, programmeId, locale) : null;
    return {
      network: network.network,
      programmes,
      programmeId,
      criteria: preview?.criteria ?? [],
      results: preview?.results ?? [],
      applications,
      submitted: url.searchParams.has("ingediend"),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withNetworkActor(args, async ({ db, locale, network }) => {
    // Rights before the form: who may not apply gets the 403, not the form's errors.
    requireNetworkRight(network, canApplyForSupport);
    return handleForm(args.request, supportApplicationSchema, async (form) => {
      await submitApplication(db, network, form.programmeId, form.declarations, locale);
      return redirect(`/netwerken/${network.id}/ondersteuning?ingediend=1`);
    });
  });
}

export default function Support({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, results, criteria } = loaderData;
  const errors = replyErrorsOf(actionData);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("support.title", { name: network.name })} intro={t("support.intro")}>
        <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
          {t("net.enrol.back")}
        </Link>
      </PageHeader>
      {loaderData.submitted ? <Notice tone="success">{t("support.submitted")}</Notice> : null}
      <ErrorSummary errors={errors} />
      <Card>
        <SearchForm search={false} className="flex flex-wrap items-end gap-3">
          <SelectField
            name="programma"
            label={t("support.programme")}
            defaultValue={loaderData.programmeId ?? ""}
            options={loaderData.programmes.map((p) => ({ value: p.id, label: p.name }))}
          />
          <SubmitButton variant="secondary">{t("support.choose")}</SubmitButton>
        </SearchForm>
      </Card>
      {loaderData.programmeId ? (
        <Card>
          <CriteriaList results={results} />
          <Form method="post" className="mt-6 flex flex-col gap-4">
            <input type="hidden" name="programmeId" value={loaderData.programmeId} />
            {criteria
              .filter(
                (criterion) =>
                  results.find((r) => r.criterionId === criterion.id)?.source === "declared",
              )
              .map((criterion) => (
                <fieldset key={criterion.id} className="rounded-md border border-slate-200 p-3">
                  <legend className="px-1 font-medium">{criterion.label}</legend>
                  <label className="flex items-center gap-2">
                    <input type="checkbox" name={`declare-${criterion.id}`} className="size-4" />
                    {t("support.declare")}
                  </label>
                  <label className="mt-2 flex flex-col gap-1">
                    <span className="text-sm">{t("support.explanation")}</span>
                    <input
                      name={`explain-${criterion.id}`}
                      className="rounded-md border border-slate-400 px-3 py-2"
                    />
                  </label>
                </fieldset>
              ))}
            <div>
              <SubmitButton>{t("support.submit")}</SubmitButton>
            </div>
          </Form>
        </Card>
      ) : null}
      <Card>
        <h2 className="text-lg font-semibold">{t("support.applications")}</h2>
        {loaderData.applications.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("support.applications.empty")}</p>
        ) : (
          <ul className="mt-2 flex flex-col gap-2">
            {loaderData.applications.map((application) => (
              <li key={application.id}>
                <Link to={`/aanvragen/${application.id}`} className="text-accent-700 underline">
                  {application.programmeName}
                </Link>{" "}
                — {t(supportStatusLabel[application.status])}, {t.date(application.submittedAt)}
                {application.stimulusCents !== null
                  ? ` — ${t("support.stimulus", { amount: formatEuro(application.stimulusCents, t.locale) })}`
                  : ""}
                {application.decisionNote ? (
                  <span className="block text-sm text-slate-700">{application.decisionNote}</span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
