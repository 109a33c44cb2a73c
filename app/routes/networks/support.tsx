import { Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { CriteriaList } from "#app/modules/networks/components/criteria-list.tsx";
import { authorizeNetwork } from "#app/modules/networks/network-access.server.ts";
import { getNetwork } from "#app/modules/networks/networks.server.ts";
import { formatEuro } from "#app/modules/networks/pricing.ts";
import {
  listNetworkApplications,
  listSupportProgrammes,
  previewApplication,
  submitApplication,
} from "#app/modules/networks/support.server.ts";
import { authorize } from "#app/platform/http.server.ts";
import { ErrorSummary, SelectField, SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";
import { SearchForm } from "#app/ui/search-form.tsx";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/support";
import { withFieldErrors } from "./network-helpers.server.ts";

export function meta() {
  return [{ title: "Ondersteuning aanvragen — Knooppunt" }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const state = context.get(requestState);
  const actor = requireActor(state, request);
  const db = await getDb();
  const view = await getNetwork(db, await authorizeNetwork(db, actor, params.networkId));
  authorize(view.canManage);
  const url = new URL(request.url);
  const programmes = await listSupportProgrammes(db);
  const programmeId =
    programmes.find((p) => p.id === url.searchParams.get("programma"))?.id ?? null;
  const preview = programmeId
    ? await previewApplication(db, actor, params.networkId, programmeId, state.locale)
    : null;
  return {
    network: view.network,
    programmes,
    programmeId,
    criteria: preview?.criteria ?? [],
    results: preview?.results ?? [],
    applications: await listNetworkApplications(db, actor, params.networkId),
    submitted: url.searchParams.has("ingediend"),
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const state = context.get(requestState);
  const actor = requireActor(state, request);
  const formData = await request.formData();
  const programmeId = String(formData.get("programmeId") ?? "");
  // Fields come as declare-<criterionId> (checkbox) and explain-<criterionId> (text).
  const criterionIds = new Set(
    [...formData.keys()]
      .filter((key) => key.startsWith("declare-") || key.startsWith("explain-"))
      .map((key) => key.slice(8)),
  );
  const declarations = Object.fromEntries(
    [...criterionIds].map((id) => [
      id,
      {
        met: formData.get(`declare-${id}`) === "on",
        explanation: String(formData.get(`explain-${id}`) ?? "").slice(0, 500),
      },
    ]),
  );
  const db = await getDb();
  const result = await withFieldErrors(() =>
    submitApplication(db, actor, params.networkId, programmeId, declarations, state.locale),
  );
  if (!result.ok) return { errors: result.errors };
  return redirect(`/netwerken/${params.networkId}/ondersteuning?ingediend=1`);
}

export default function Support({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, results, criteria } = loaderData;
  const errors = actionData?.errors;
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
                — {t(`support.status.${application.status}`)}, {t.date(application.submittedAt)}
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
