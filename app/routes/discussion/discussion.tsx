import { getFormProps } from "@conform-to/react";
import { MessageSquarePlus } from "lucide-react";
import { Form, Link, redirect, useLocation } from "react-router";
import { discussionModeLabel } from "#app/i18n/labels.ts";
import {
  type DiscussionPageForm,
  discussionPageSchema,
  subscriptionModes,
} from "#app/modules/discussion/discussion.schema.ts";
import {
  createTopic,
  listTopics,
  requireDiscussion,
  topicOptions,
  topicsPerPage,
} from "#app/modules/discussion/discussion.server.ts";
import { networkAddress } from "#app/modules/discussion/discussion-mail.server.ts";
import {
  getMySubscription,
  setSubscription,
} from "#app/modules/discussion/subscriptions.server.ts";
import { topicSortOf, topicSorts } from "#app/modules/discussion/topic-sort.ts";
import { uploadedFiles } from "#app/platform/files.server.ts";
import { pageFrom } from "#app/platform/paging.ts";
import { Avatar, avatarUrl } from "#app/ui/avatar.tsx";
import { buttonClass } from "#app/ui/button.tsx";
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
import { Pagination } from "#app/ui/pagination.tsx";
import { SearchForm } from "#app/ui/search-form.tsx";
import { handleIntentsOf } from "../forms.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import { noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/discussion";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.discussion");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const url = new URL(args.request.url);
    const q = url.searchParams.get("q") ?? "";
    const theme = url.searchParams.get("thema") ?? "";
    const sort = topicSortOf(url.searchParams.get("sortering"));
    // The layout authorised the network once; the three reads share it.
    const [view, options, subscription] = await Promise.all([
      listTopics(db, network, { q, theme, sort }, pageFrom(url, topicsPerPage)),
      topicOptions(db, network),
      getMySubscription(db, network),
    ]);
    const mail = { networkAddress: networkAddress(network.id), mode: subscription.mode };
    return {
      network: { id: view.network.id, name: view.network.name },
      topics: view.topics,
      total: view.total,
      pager: view.pager,
      canSeeMetrics: view.canSeeMetrics,
      themes: options.themes,
      meetings: options.meetings,
      mail,
      q,
      theme,
      sort,
      notice: noticeFrom(args.request),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const networkId = network.id;
    // Rights before the form (whatever it is): someone outside gets the 404, not field errors.
    requireDiscussion(network);
    // The topic's files come with the form (multipart); the module stores them with the topic.
    const formData = await args.request.formData();
    return handleIntentsOf(formData, discussionPageSchema, {
      topic: async (topic) => {
        const id = await createTopic(db, network, topic, uploadedFiles(formData, "files"));
        return redirect(`/netwerken/${networkId}/discussie/${id}?melding=discussion.posted`);
      },
      mail: async ({ mode }) => {
        await setSubscription(db, network, mode);
        return redirect(`/netwerken/${networkId}/discussie?melding=discussion.mailSaved`);
      },
    });
  });
}

type PageForm<I extends DiscussionPageForm["intent"]> = Extract<DiscussionPageForm, { intent: I }>;

export default function Discussion({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, topics, themes, meetings, mail } = loaderData;
  const [topicForm, topic] = useIntentForm<PageForm<"topic">>("topic", actionData, {
    defaultValue: { kind: "question" },
  });
  const [mailForm, mailFields] = useIntentForm<PageForm<"mail">>("mail", actionData, {
    defaultValue: { mode: mail.mode },
  });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("discussion.title")}
        context={network.name}
        action={
          // On a phone the form comes after the list: this puts asking one tap from the top. A
          // plain anchor: the jump works without JavaScript.
          <a href="#vraag-stellen" className={buttonClass()}>
            <MessageSquarePlus aria-hidden="true" className="size-5" />
            {t("discussion.askLink")}
          </a>
        }
      >
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
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
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="flex flex-col gap-4">
          <SearchForm className="flex flex-wrap items-end gap-3">
            {loaderData.sort !== "actief" ? (
              <input type="hidden" name="sortering" value={loaderData.sort} />
            ) : null}
            {/* min-w-0: the fields may shrink below their natural width on a 390 px screen. */}
            <div className="min-w-0 grow basis-56">
              <TextField
                name="q"
                type="search"
                label={t("discussion.search")}
                defaultValue={loaderData.q}
              />
            </div>
            {themes.length ? (
              <div className="min-w-0 max-w-full">
                <SelectField
                  name="thema"
                  label={t("discussion.theme")}
                  defaultValue={loaderData.theme}
                  placeholder={t("discussion.allThemes")}
                  options={themes.map((theme) => ({ value: theme, label: theme }))}
                />
              </div>
            ) : null}
            <SubmitButton variant="secondary">{t("discussion.searchButton")}</SubmitButton>
          </SearchForm>
          <Card>
            <h2 className="text-lg font-semibold">{t("discussion.topics")}</h2>
            <SortLinks current={loaderData.sort} />
            {loaderData.total.count ? (
              <p className="text-sm text-slate-700">
                {t(loaderData.total.more ? "discussion.topicCountMore" : "discussion.topicCount", {
                  count: loaderData.total.count,
                })}
              </p>
            ) : null}
            {topics.length === 0 ? (
              <EmptyState>
                {t(
                  loaderData.q
                    ? "discussion.noneFound"
                    : loaderData.sort === "onbeantwoord"
                      ? "discussion.noneUnanswered"
                      : "discussion.none",
                )}
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
                          {topic.newTopic
                            ? t("discussion.new")
                            : t(
                                topic.newAnswers.more
                                  ? "discussion.newAnswersMore"
                                  : "discussion.newAnswers",
                                { count: topic.newAnswers.count },
                              )}
                        </Tag>
                      ) : null}
                      {topic.helped ? <Tag>{t("discussion.helped")}</Tag> : null}
                    </div>
                    <p className="text-sm text-slate-700">
                      {topic.authorId ? (
                        <Avatar
                          id={topic.authorId}
                          name={topic.authorName ?? "?"}
                          photoUrl={avatarUrl(topic.authorId, topic.authorAvatarFileId)}
                          size={24}
                          className="mr-1 align-middle"
                        />
                      ) : null}
                      {t(
                        topic.kind === "question" ? "discussion.askedBy" : "discussion.startedBy",
                        {
                          name: topic.authorName ?? "?",
                          when: t.dateTime(topic.createdAt),
                        },
                      )}{" "}
                      ·{" "}
                      {t(
                        topic.answers.more
                          ? "discussion.answerCountMore"
                          : "discussion.answerCount",
                        {
                          count: topic.answers.count,
                        },
                      )}
                      {topic.themes.length ? ` · ${topic.themes.join(", ")}` : ""}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            <Pagination {...loaderData.pager} />
          </Card>
        </div>
        <div className="flex flex-col gap-4">
          <section
            id="vraag-stellen"
            aria-labelledby="vraag-stellen-titel"
            tabIndex={-1}
            className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6"
          >
            <h2 id="vraag-stellen-titel" className="text-lg font-semibold">
              {t("discussion.ask")}
            </h2>
            <Form
              method="post"
              encType="multipart/form-data"
              {...getFormProps(topicForm)}
              className="mt-2 flex flex-col gap-3"
            >
              <input type="hidden" name="intent" value="topic" />
              <ErrorSummary errors={fieldErrorsOf(topicForm)} />
              <SelectField
                {...fieldProps(topic.kind)}
                label={t("discussion.kind")}
                options={[
                  { value: "question", label: t("discussion.kind.question") },
                  { value: "topic", label: t("discussion.kind.topic") },
                ]}
              />
              <TextField {...fieldProps(topic.title)} label={t("discussion.titleField")} required />
              <TextAreaField
                {...fieldProps(topic.body)}
                label={t("discussion.body")}
                hint={t("discussion.formatHint")}
                required
              />
              {themes.length ? (
                <CheckboxGroup
                  name={topic.themes.name}
                  legend={t("discussion.themes")}
                  error={topic.themes.errors?.[0]}
                  selected={checkedOf(topic.themes)}
                  options={themes.map((theme) => ({ value: theme, label: theme }))}
                />
              ) : null}
              {meetings.length ? (
                <SelectField
                  {...fieldProps(topic.meetingId)}
                  label={t("discussion.meeting")}
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
                error={topicForm.allErrors.files?.[0]}
              />
              <div>
                <SubmitButton>{t("discussion.post")}</SubmitButton>
              </div>
            </Form>
          </section>
          <Card>
            <h2 className="text-lg font-semibold">{t("discussion.byMail")}</h2>
            <Form method="post" {...getFormProps(mailForm)} className="mt-2 flex flex-col gap-3">
              <input type="hidden" name="intent" value="mail" />
              <SelectField
                {...fieldProps(mailFields.mode)}
                label={t("discussion.mode")}
                options={subscriptionModes.map((mode) => ({
                  value: mode,
                  label: t(discussionModeLabel[mode]),
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

const sortLabel = {
  actief: "discussion.sort.actief",
  nieuw: "discussion.sort.nieuw",
  onbeantwoord: "discussion.sort.onbeantwoord",
} as const;

/** Plain links (no JavaScript needed) that keep the search and the theme and start at page 1. */
function SortLinks({ current }: { current: (typeof topicSorts)[number] }) {
  const t = useT();
  const location = useLocation();
  const hrefFor = (sort: (typeof topicSorts)[number]) => {
    const params = new URLSearchParams(location.search);
    params.delete("pagina");
    if (sort === "actief") params.delete("sortering");
    else params.set("sortering", sort);
    const search = params.toString();
    return search ? `?${search}` : location.pathname;
  };
  return (
    <nav
      aria-label={t("discussion.sort")}
      className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1"
    >
      <span className="text-sm text-slate-700">{t("discussion.sort")}:</span>
      <ul className="flex flex-wrap gap-x-3 gap-y-1">
        {topicSorts.map((sort) => (
          <li key={sort}>
            <Link
              to={hrefFor(sort)}
              aria-current={sort === current ? "page" : undefined}
              className="text-accent-700 underline aria-[current=page]:font-bold aria-[current=page]:text-slate-900 aria-[current=page]:no-underline"
            >
              {t(sortLabel[sort])}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
