import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import { appsPurposeLabel, labelFor, supportStatusLabel } from "#app/i18n/labels.ts";
import { CriteriaList } from "#app/modules/networks/components/criteria-list.tsx";
import {
  type SupportDecisionForm,
  stimulusPurposes,
  supportDecisionSchema,
} from "#app/modules/networks/networks.schema.ts";
import { formatEuro } from "#app/modules/networks/pricing.ts";
import {
  assertCanDecideApplication,
  decideApplication,
  getApplication,
} from "#app/modules/networks/support.server.ts";
import { Button } from "#app/ui/button.tsx";
import { CheckboxGroup, ErrorSummary, TextAreaField, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import {
  checkedOf,
  fieldErrorsOf,
  fieldProps,
  formErrorOf,
  useIntentForm,
} from "#app/ui/intent-form.ts";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleForm } from "../forms.server.ts";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/application";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.application");
}

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    const application = await getApplication(db, actor, args.params.applicationId);
    return { ...application, decided: new URL(args.request.url).searchParams.has("besloten") };
  });
}

export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) => {
    const { applicationId } = args.params;
    // Rights before the form: who may not decide gets the 403 (404 if not theirs to see).
    await assertCanDecideApplication(db, actor, applicationId);
    return handleForm(args.request, supportDecisionSchema, async (form) => {
      await decideApplication(db, actor, applicationId, {
        decision: form.decision,
        note: form.note,
        stimulusCents: form.stimulus,
        purposes: form.purposes,
      });
      return redirect(`/aanvragen/${applicationId}?besloten=1`);
    });
  });
}

export default function Application({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { application } = loaderData;
  const [form, fields] = useIntentForm<SupportDecisionForm>("", actionData, { id: "decide" });
  const formError = formErrorOf(actionData);
  const errors = fieldErrorsOf(form) ?? (formError ? { form: formError } : undefined);
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
              status: t(supportStatusLabel[application.status]),
              note: application.decisionNote,
            })}
          </p>
          {application.stimulusCents !== null ? (
            <p>
              {t("support.stimulus", { amount: formatEuro(application.stimulusCents, t.locale) })} (
              {application.stimulusPurposes.map((p) => t(labelFor(appsPurposeLabel, p))).join(", ")}
              )
            </p>
          ) : null}
        </Card>
      ) : loaderData.canDecide ? (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("apps.decide")}</h2>
          <Form method="post" className="flex flex-col gap-4" {...getFormProps(form)}>
            <ErrorSummary errors={errors} />
            <TextAreaField label={t("apps.decide.note")} {...fieldProps(fields.note)} />
            <TextField label={t("apps.decide.stimulus")} {...fieldProps(fields.stimulus)} />
            <CheckboxGroup
              name="purposes"
              legend={t("apps.decide.purposes")}
              selected={checkedOf(fields.purposes)}
              options={stimulusPurposes.map((p) => ({ value: p, label: t(appsPurposeLabel[p]) }))}
            />
            <div className="flex gap-3">
              <Button name="decision" value="approved">
                {t("apps.decide.approve")}
              </Button>
              <Button name="decision" value="declined" variant="secondary">
                {t("apps.decide.decline")}
              </Button>
            </div>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}
