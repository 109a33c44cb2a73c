import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { CriteriaList } from "#app/modules/networks/components/criteria-list.tsx";
import { stimulusPurposes, supportDecisionSchema } from "#app/modules/networks/networks.schema.ts";
import { formatEuro } from "#app/modules/networks/pricing.ts";
import {
  assertCanDecideApplication,
  decideApplication,
  getApplication,
} from "#app/modules/networks/support.server.ts";
import { parseForm } from "#app/platform/forms.ts";
import { CheckboxGroup, ErrorSummary, TextAreaField, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/application";

export function meta() {
  return [{ title: "Aanvraag — Knooppunt" }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const application = await getApplication(await getDb(), actor, params.applicationId);
  return { ...application, decided: new URL(request.url).searchParams.has("besloten") };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  // Rights before the form: who may not decide gets the 403 (404 if not theirs to see).
  await assertCanDecideApplication(db, actor, params.applicationId);
  const form = parseForm(supportDecisionSchema, await request.formData(), ["purposes"]);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const result = await withFieldErrors(() =>
    decideApplication(db, actor, params.applicationId, {
      decision: form.data.decision,
      note: form.data.note,
      stimulusCents: form.data.stimulus,
      purposes: form.data.purposes,
    }),
  );
  if (!result.ok) return data({ errors: result.errors, values: {} }, { status: 400 });
  return redirect(`/aanvragen/${params.applicationId}?besloten=1`);
}

export default function Application({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { application } = loaderData;
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = (actionData?.values ?? {}) as Record<string, string | string[]>;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader
        title={t("apps.detail.title", {
          network: loaderData.networkName,
          programme: loaderData.programmeName,
        })}
        intro={t("apps.detail.by", {
          name: loaderData.submittedByName ?? "—",
          date: t.date(application.submittedAt),
        })}
      >
        <Link to={`/netwerken/${application.networkId}`} className="text-accent-700 underline">
          {loaderData.networkName}
        </Link>
      </PageHeader>
      {loaderData.decided ? <Notice tone="success">{t("apps.decided")}</Notice> : null}
      <Card>
        <CriteriaList results={application.evaluation} />
      </Card>
      {application.status !== "submitted" ? (
        <Card>
          <p className="font-medium">
            {t("apps.decidedBy", {
              status: t(`support.status.${application.status}`),
              note: application.decisionNote,
            })}
          </p>
          {application.stimulusCents !== null ? (
            <p>
              {t("support.stimulus", { amount: formatEuro(application.stimulusCents, t.locale) })} (
              {application.stimulusPurposes.map((p) => t(`apps.purpose.${p}`)).join(", ")})
            </p>
          ) : null}
        </Card>
      ) : loaderData.canDecide ? (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("apps.decide")}</h2>
          <Form method="post" noValidate className="flex flex-col gap-4">
            <ErrorSummary errors={errors} />
            <TextAreaField
              name="note"
              label={t("apps.decide.note")}
              error={errors?.note}
              defaultValue={String(values.note ?? "")}
            />
            <TextField
              name="stimulus"
              label={t("apps.decide.stimulus")}
              error={errors?.stimulus}
              defaultValue={String(values.stimulus ?? "")}
            />
            <CheckboxGroup
              name="purposes"
              legend={t("apps.decide.purposes")}
              selected={([] as string[]).concat(values.purposes ?? [])}
              options={stimulusPurposes.map((p) => ({ value: p, label: t(`apps.purpose.${p}`) }))}
            />
            <div className="flex gap-3">
              <button
                type="submit"
                name="decision"
                value="approved"
                className="rounded-md bg-accent-700 px-4 py-2 font-medium text-white"
              >
                {t("apps.decide.approve")}
              </button>
              <button
                type="submit"
                name="decision"
                value="declined"
                className="rounded-md border border-slate-400 bg-white px-4 py-2 font-medium"
              >
                {t("apps.decide.decline")}
              </button>
            </div>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}
