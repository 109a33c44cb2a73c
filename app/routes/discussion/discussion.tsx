import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import {
  subscriptionModes,
  subscriptionSchema,
  topicSchema,
} from "#app/modules/discussion/discussion.schema.ts";
import {
  createTopic,
  getMySubscription,
  listTopics,
  loadDiscussion,
  setSubscription,
  topicOptions,
} from "#app/modules/discussion/discussion.server.ts";
import { networkAddress } from "#app/modules/discussion/discussion-mail.server.ts";
import { uploadedFiles } from "#app/platform/files.server.ts";
import { formValues, parseForm } from "#app/platform/forms.ts";
import {
  CheckboxGroup,
  ErrorSummary,
  FileField,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  targetedForm,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { SearchForm } from "#app/ui/search-form.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/discussion";

export function meta() {
  return [{ title: "Discussie — Knooppunt" }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  const url = new URL(request.url);
  const q = url.searchParams.get("q") ?? "";
  const theme = url.searchParams.get("thema") ?? "";
  const view = await listTopics(db, actor, params.networkId, { q, theme });
  const options = await topicOptions(db, actor, params.networkId);
  const mail = {
    networkAddress: networkAddress(params.networkId),
    mode: (await getMySubscription(db, actor, params.networkId)).mode,
  };
  return {
    network: { id: view.network.id, name: view.network.name },
    topics: view.topics,
    canSeeMetrics: view.canSeeMetrics,
    themes: options.themes,
    meetings: options.meetings,
    mail,
    q,
    theme,
    notice: noticeFrom(request),
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  // Rights before the form: someone without them gets the 403/404, not field errors.
  await loadDiscussion(db, actor, params.networkId);
  const formData = await request.formData();
  if (formData.get("intent") === "mail") {
    const form = parseForm(subscriptionSchema, formData);
    if (!form.ok)
      return data({ target: "mail", errors: form.errors, values: form.values }, { status: 400 });
    await setSubscription(db, actor, params.networkId, form.data.mode);
    return redirect(`/netwerken/${params.networkId}/discussie?melding=discussion.mailSaved`);
  }
  const form = parseForm(topicSchema, formData, ["themes"]);
  if (!form.ok)
    return data({ target: "topic", errors: form.errors, values: form.values }, { status: 400 });
  const files = uploadedFiles(formData, "files");
  const result = await withFieldErrors(() =>
    createTopic(db, actor, params.networkId, form.data, files),
  );
  if (!result.ok)
    return data(
      { target: "topic", errors: result.errors, values: formValues(formData) },
      { status: 400 },
    );
  return redirect(
    `/netwerken/${params.networkId}/discussie/${result.value}?melding=discussion.posted`,
  );
}

export default function Discussion({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, topics, themes, meetings, mail } = loaderData;
  const { errorsFor, valueFor, listFor } = targetedForm(actionData);
  const errors = errorsFor("topic");
  const mailErrors = errorsFor("mail");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("discussion.title")} intro={network.name}>
        <div className="flex flex-wrap gap-4">
          <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
            {t("net.enrol.back")}
          </Link>
          {loaderData.canSeeMetrics ? (
            <Link
              to={`/netwerken/${network.id}/discussie/levendigheid`}
              className="text-accent-700 underline"
            >
              {t("discussion.metrics.title")}
            </Link>
          ) : null}
        </div>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="flex flex-col gap-4">
          <SearchForm className="flex flex-wrap items-end gap-3">
            <div className="grow">
              <TextField
                name="q"
                type="search"
                label={t("discussion.search")}
                defaultValue={loaderData.q}
              />
            </div>
            {themes.length ? (
              <SelectField
                name="thema"
                label={t("discussion.theme")}
                defaultValue={loaderData.theme}
                placeholder={t("discussion.allThemes")}
                options={themes.map((theme) => ({ value: theme, label: theme }))}
              />
            ) : null}
            <SubmitButton variant="secondary">{t("discussion.searchButton")}</SubmitButton>
          </SearchForm>
          <Card>
            <h2 className="text-lg font-semibold">{t("discussion.topics")}</h2>
            {topics.length === 0 ? (
              <EmptyState>
                {t(loaderData.q ? "discussion.noneFound" : "discussion.none")}
              </EmptyState>
            ) : (
              <ul className="mt-2 flex flex-col divide-y divide-slate-200">
                {topics.map((topic) => (
                  <li key={topic.id} className="flex flex-col gap-1 py-3">
                    <div className="flex flex-wrap items-center gap-2">
                      <Link
                        to={`/netwerken/${network.id}/discussie/${topic.id}`}
                        className="font-semibold text-accent-700 underline"
                      >
                        {topic.title}
                      </Link>
                      {topic.isNew ? (
                        <Tag>
                          {topic.seenAt
                            ? t("discussion.newAnswers", { count: topic.newAnswers })
                            : t("discussion.new")}
                        </Tag>
                      ) : null}
                      {topic.helped ? <Tag>{t("discussion.helped")}</Tag> : null}
                    </div>
                    <p className="text-sm text-slate-700">
                      {t(
                        topic.kind === "question" ? "discussion.askedBy" : "discussion.startedBy",
                        {
                          name: topic.authorName ?? "?",
                          when: t.dateTime(topic.createdAt),
                        },
                      )}{" "}
                      · {t("discussion.answerCount", { count: topic.answers })}
                      {topic.themes.length ? ` · ${topic.themes.join(", ")}` : ""}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <div className="flex flex-col gap-4">
          <Card>
            <h2 className="text-lg font-semibold">{t("discussion.ask")}</h2>
            <Form method="post" encType="multipart/form-data" className="mt-2 flex flex-col gap-3">
              <input type="hidden" name="intent" value="topic" />
              <ErrorSummary errors={errors} />
              <SelectField
                name="kind"
                label={t("discussion.kind")}
                defaultValue={valueFor("topic", "kind", "question")}
                options={[
                  { value: "question", label: t("discussion.kind.question") },
                  { value: "topic", label: t("discussion.kind.topic") },
                ]}
              />
              <TextField
                name="title"
                label={t("discussion.titleField")}
                required
                error={errors?.title}
                defaultValue={valueFor("topic", "title")}
              />
              <TextAreaField
                name="body"
                label={t("discussion.body")}
                hint={t("discussion.formatHint")}
                required
                error={errors?.body}
                defaultValue={valueFor("topic", "body")}
              />
              {themes.length ? (
                <CheckboxGroup
                  name="themes"
                  legend={t("discussion.themes")}
                  error={errors?.themes}
                  selected={listFor("topic", "themes")}
                  options={themes.map((theme) => ({ value: theme, label: theme }))}
                />
              ) : null}
              {meetings.length ? (
                <SelectField
                  name="meetingId"
                  label={t("discussion.meeting")}
                  error={errors?.meetingId}
                  defaultValue={valueFor("topic", "meetingId")}
                  placeholder={t("discussion.noMeeting")}
                  options={meetings.map((m) => ({
                    value: m.id,
                    label: `${t.date(m.startsAt)}${m.theme ? ` · ${m.theme}` : ""}`,
                  }))}
                />
              ) : null}
              <FileField
                name="files"
                multiple
                label={t("discussion.files")}
                hint={t("discussion.filesHint")}
                error={errors?.files}
              />
              <div>
                <SubmitButton>{t("discussion.post")}</SubmitButton>
              </div>
            </Form>
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">{t("discussion.byMail")}</h2>
            <Form method="post" className="mt-2 flex flex-col gap-3">
              <input type="hidden" name="intent" value="mail" />
              <SelectField
                name="mode"
                label={t("discussion.mode")}
                error={mailErrors?.mode}
                defaultValue={mail.mode}
                options={subscriptionModes.map((mode) => ({
                  value: mode,
                  label: t(`discussion.mode.${mode}`),
                }))}
              />
              <div>
                <SubmitButton variant="secondary">{t("discussion.saveMode")}</SubmitButton>
              </div>
            </Form>
            <p className="mt-3 text-sm text-slate-700">
              {t("discussion.networkAddress")}{" "}
              <a
                href={`mailto:${mail.networkAddress}`}
                className="break-all text-accent-700 underline"
              >
                {mail.networkAddress}
              </a>
            </p>
          </Card>
        </div>
      </div>
    </div>
  );
}
