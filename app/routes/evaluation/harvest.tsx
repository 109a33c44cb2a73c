import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import {
  type HarvestPageForm,
  harvestPageSchema,
} from "#app/modules/evaluation/evaluation.schema.ts";
import {
  getHarvest,
  giveConsent,
  giveSchoolConsent,
  recordOutcome,
  requestPublication,
  requireCanRecordOutcome,
} from "#app/modules/evaluation/harvest.server.ts";
import { uploadedFile } from "#app/platform/files.server.ts";
import { Button } from "#app/ui/button.tsx";
import { ComboBoxField } from "#app/ui/combobox.tsx";
import {
  CheckboxGroup,
  ErrorSummary,
  FileField,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { checkedOf, fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleIntentsOf } from "../forms.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import { noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/harvest";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.harvest");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, actor, network }) => {
    const view = await getHarvest(db, network);
    return {
      ...view,
      me: actor.userId,
      network: { id: view.network.id, name: view.network.name },
      notice: noticeFrom(args.request),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    // The outcome's file comes with the form (multipart); the module stores it after its checks.
    const formData = await args.request.formData();
    const back = (notice: string) => redirect(`/netwerken/${network.id}/oogst?melding=${notice}`);
    return handleIntentsOf(
      formData,
      harvestPageSchema,
      {
        record: async (outcome) => {
          await recordOutcome(db, network, outcome, uploadedFile(formData, "file"));
          return back("harvest.saved");
        },
        publish: async ({ outcomeId }) => {
          await requestPublication(db, network, outcomeId);
          return back("harvest.publishRequested");
        },
        consent: async ({ outcomeId }) => {
          await giveConsent(db, network, outcomeId);
          return back("harvest.consented");
        },
        "school-consent": async ({ outcomeId }) => {
          await giveSchoolConsent(db, network, outcomeId);
          return back("harvest.schoolConsented");
        },
      },
      {
        // Rights before the form: someone without them gets the 404, not field errors.
        authorize: (intent) => (intent === "record" ? requireCanRecordOutcome(network) : undefined),
      },
    );
  });
}

export default function Harvest({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, outcomes } = loaderData;
  const [form, fields] = useIntentForm<Extract<HarvestPageForm, { intent: "record" }>>(
    "record",
    actionData,
  );
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("harvest.title")} intro={network.name}>
        <div className="flex flex-wrap gap-4">
          <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
            {t("net.enrol.back")}
          </Link>
          <Link to="/goede-voorbeelden" className="text-accent-700 underline">
            {t("practices.title")}
          </Link>
        </div>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <Card>
        {outcomes.length === 0 ? (
          <EmptyState>{t("harvest.none")}</EmptyState>
        ) : (
          <ul className="flex flex-col gap-4">
            {outcomes.map((outcome) => {
              const mine = outcome.people.find((p) => p.userId === loaderData.me);
              return (
                <li key={outcome.id} className="rounded-md border border-slate-300 p-3">
                  <h2 className="flex flex-wrap items-center gap-2 font-semibold">
                    {outcome.title}
                    {outcome.publishedAt ? (
                      <Tag>{t("harvest.published")}</Tag>
                    ) : outcome.publishRequestedAt ? (
                      <Tag>{t("harvest.waiting")}</Tag>
                    ) : null}
                  </h2>
                  {outcome.question ? (
                    <p className="text-sm text-slate-700">
                      {t("harvest.forQuestion", { question: outcome.question })}
                    </p>
                  ) : null}
                  <p className="mt-1 whitespace-pre-line">{outcome.answer}</p>
                  {outcome.fileId ? (
                    <a
                      href={`/goede-voorbeelden/bestand/${outcome.fileId}`}
                      className="text-sm text-accent-700 underline"
                    >
                      {t("harvest.file")}
                    </a>
                  ) : null}
                  {outcome.people.length ? (
                    <p className="mt-1 text-sm">
                      {t("harvest.named")}{" "}
                      {outcome.people
                        .map(
                          (p) =>
                            `${p.name} (${p.consentAt ? t("harvest.agreed") : t("harvest.notYet")})`,
                        )
                        .join(", ")}
                    </p>
                  ) : null}
                  {outcome.schoolName ? (
                    <p className="text-sm">
                      {t("harvest.school", {
                        school: outcome.schoolName,
                        state: outcome.schoolConsentAt ? t("harvest.agreed") : t("harvest.notYet"),
                      })}
                    </p>
                  ) : null}
                  <div className="mt-2 flex flex-wrap gap-2">
                    {mine && !mine.consentAt ? (
                      <Form method="post">
                        <input type="hidden" name="outcomeId" value={outcome.id} />
                        <Button name="intent" value="consent" size="sm">
                          {t("harvest.consent")}
                        </Button>
                      </Form>
                    ) : null}
                    {outcome.mayAgreeForSchool ? (
                      <Form method="post">
                        <input type="hidden" name="outcomeId" value={outcome.id} />
                        <Button name="intent" value="school-consent" size="sm">
                          {t("harvest.schoolConsent", { school: outcome.schoolName ?? "" })}
                        </Button>
                      </Form>
                    ) : null}
                    {!outcome.publishRequestedAt &&
                    (loaderData.isGuide || outcome.createdBy === loaderData.me) ? (
                      <Form method="post">
                        <input type="hidden" name="outcomeId" value={outcome.id} />
                        <Button name="intent" value="publish" variant="secondary" size="sm">
                          {t("harvest.publish")}
                        </Button>
                      </Form>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      {loaderData.canRecord ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("harvest.new")}</h2>
          {loaderData.phase !== "oogsten" ? (
            <Notice tone="warning">{t("error.harvest.phase")}</Notice>
          ) : null}
          <Form
            method="post"
            encType="multipart/form-data"
            {...getFormProps(form)}
            className="mt-3 flex flex-col gap-3"
          >
            <input type="hidden" name="intent" value="record" />
            <ErrorSummary errors={fieldErrorsOf(form)} />
            <TextField {...fieldProps(fields.title)} label={t("harvest.outcomeTitle")} required />
            {loaderData.questions.length ? (
              <SelectField
                {...fieldProps(fields.learningQuestionId)}
                label={t("harvest.question")}
                placeholder={t("harvest.question.none")}
                options={loaderData.questions.map((q) => ({
                  value: q.id,
                  label: q.text.slice(0, 120),
                }))}
              />
            ) : null}
            <TextAreaField
              {...fieldProps(fields.answer)}
              label={t("harvest.answer")}
              hint={t("harvest.answer.hint")}
              required
              rows={6}
            />
            <CheckboxGroup
              name={fields.people.name}
              legend={t("harvest.people")}
              error={fields.people.errors?.[0]}
              selected={checkedOf(fields.people)}
              options={loaderData.members.map((m) => ({ value: m.userId, label: m.name }))}
            />
            <ComboBoxField
              {...fieldProps(fields.schoolId)}
              label={t("harvest.schoolField")}
              placeholder={t("harvest.school.none")}
              options={loaderData.schools.map((s) => ({ value: s.id, label: s.name }))}
            />
            <FileField
              label={t("harvest.fileField")}
              hint={t("file.hint")}
              error={form.allErrors.file?.[0]}
            />
            <div>
              <SubmitButton>{t("harvest.save")}</SubmitButton>
            </div>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}
