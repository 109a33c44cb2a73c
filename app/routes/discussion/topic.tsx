import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import { type TopicPageForm, topicPageSchema } from "#app/modules/discussion/discussion.schema.ts";
import {
  deleteTopic,
  getTopic,
  pageOfPost,
  postsPerPage,
  requireDiscussion,
} from "#app/modules/discussion/discussion.server.ts";
import { markHelpful, replyToTopic } from "#app/modules/discussion/replies.server.ts";
import { uploadedFiles } from "#app/platform/files.server.ts";
import { isIntentReply } from "#app/platform/intent-reply.ts";
import { pageFrom } from "#app/platform/paging.ts";
import { Avatar, avatarUrl } from "#app/ui/avatar.tsx";
import { ErrorSummary, FileField, SubmitButton, TextAreaField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { namedTitle } from "#app/ui/page-title.ts";
import { Pagination } from "#app/ui/pagination.tsx";
import { RichText } from "#app/ui/rich-text.tsx";
import { handleIntentsOf } from "../forms.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import { noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/topic";

export function meta({ loaderData, matches }: Route.MetaArgs) {
  return namedTitle(matches, loaderData?.topic.title, "pageTitle.topic");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const page = pageFrom(new URL(args.request.url), postsPerPage);
    const view = await getTopic(db, network, args.params.topicId, page);
    return {
      ...view,
      network: { id: view.network.id, name: view.network.name },
      notice: noticeFrom(args.request),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const networkId = network.id;
    const { topicId } = args.params;
    // Rights before the form (whatever it is): someone outside gets the 404, not field errors.
    requireDiscussion(network);
    // An answer's files come with the form (multipart); the module stores them with the answer.
    const formData = await args.request.formData();
    const here = `/netwerken/${networkId}/discussie/${topicId}`;
    // Back to the page (of a long thread) the answer is on.
    const onPageOf = async (postId: string) => {
      const page = await pageOfPost(db, topicId, postId);
      return page > 1 ? `&pagina=${page}` : "";
    };
    const helpful = async (postId: string, value: boolean) => {
      await markHelpful(db, network, topicId, postId, value);
      return redirect(`${here}?melding=discussion.helpfulSaved${await onPageOf(postId)}`);
    };
    return handleIntentsOf(formData, topicPageSchema, {
      answer: async (post) => {
        const files = uploadedFiles(formData, "files");
        const id = await replyToTopic(db, network, topicId, post, files);
        return redirect(`${here}?melding=discussion.answered${await onPageOf(id)}#bericht-${id}`);
      },
      helpful: async ({ postId }) => helpful(postId, true),
      "not-helpful": async ({ postId }) => helpful(postId, false),
      delete: async () => {
        await deleteTopic(db, network, topicId);
        return redirect(`/netwerken/${networkId}/discussie?melding=discussion.deleted`);
      },
    });
  });
}

/** An answer to the topic, or a reply to one answer; each form keeps its own text and errors. */
function AnswerForm({ parentId, actionData }: { parentId: string | null; actionData: unknown }) {
  const t = useT();
  const sentFrom = repliedTo(actionData);
  const [form, fields] = useIntentForm<Extract<TopicPageForm, { intent: "answer" }>>(
    "answer",
    sentFrom === (parentId ?? "") ? actionData : null,
    { id: parentId ? `answer-${parentId}` : "answer" },
  );
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      {...getFormProps(form)}
      className="flex flex-col gap-3"
    >
      <input type="hidden" name="intent" value="answer" />
      <input type="hidden" name="parentId" value={parentId ?? ""} />
      <ErrorSummary errors={fieldErrorsOf(form)} />
      <TextAreaField
        {...fieldProps(fields.body)}
        id={parentId ? `body-${parentId}` : "body"}
        label={t(parentId ? "discussion.replyLabel" : "discussion.answerLabel")}
        hint={t("discussion.formatHint")}
        required
      />
      <FileField
        name="files"
        id={parentId ? `files-${parentId}` : "files"}
        multiple
        label={t("discussion.files")}
        hint={t("discussion.filesHint")}
        error={form.allErrors.files?.[0]}
      />
      <div>
        <SubmitButton>
          {t(parentId ? "discussion.sendReply" : "discussion.sendAnswer")}
        </SubmitButton>
      </div>
    </Form>
  );
}

/** Which answer form was sent ("" for the topic's own), when the action sent it back. */
function repliedTo(actionData: unknown) {
  if (!isIntentReply(actionData) || actionData.intent !== "answer") return null;
  const parentId = (actionData.result.initialValue as { parentId?: unknown } | null)?.parentId;
  return typeof parentId === "string" ? parentId : "";
}

type Post = Route.ComponentProps["loaderData"]["posts"][number];

export default function Topic({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, topic, posts, attachments, meeting, isAsker } = loaderData;
  const sentFrom = repliedTo(actionData);
  const filesOf = (postId: string | null) => attachments.filter((a) => a.postId === postId);
  const base = `/netwerken/${network.id}/discussie`;
  const fileList = (postId: string | null) => {
    const files = filesOf(postId);
    if (!files.length) return null;
    return (
      <ul className="mt-2 flex flex-col gap-1 text-sm">
        {files.map((file) => (
          <li key={file.fileId}>
            <a href={`${base}/bestanden/${file.fileId}`} className="text-accent-700 underline">
              {t("discussion.download", { name: file.name })}
            </a>
          </li>
        ))}
      </ul>
    );
  };
  const renderPost = (post: Post, nested: Post[]) => (
    <li
      key={post.id}
      id={`bericht-${post.id}`}
      className="flex flex-col gap-2 rounded-md border border-slate-300 p-3"
    >
      <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        {post.authorId ? (
          <Avatar
            id={post.authorId}
            name={post.authorName ?? "?"}
            photoUrl={avatarUrl(post.authorId, post.authorAvatarFileId)}
            size={24}
          />
        ) : null}
        <span className="font-semibold text-slate-900">{post.authorName ?? "?"}</span>
        <span>{t.dateTime(post.createdAt)}</span>
        {post.via === "email" ? <Tag>{t("discussion.viaMail")}</Tag> : null}
        {post.isNew ? <Tag>{t("discussion.new")}</Tag> : null}
        {post.helpful ? <Tag>{t("discussion.helpedThis")}</Tag> : null}
      </p>
      <RichText text={post.body} />
      {fileList(post.id)}
      {isAsker && post.authorId !== loaderData.me ? (
        <Form method="post">
          <input type="hidden" name="postId" value={post.id} />
          <input type="hidden" name="intent" value={post.helpful ? "not-helpful" : "helpful"} />
          <SubmitButton variant="secondary">
            {t(post.helpful ? "discussion.unmarkHelpful" : "discussion.markHelpful")}
          </SubmitButton>
        </Form>
      ) : null}
      {nested.length ? (
        <ul className="ml-4 flex flex-col gap-2 border-l-2 border-slate-200 pl-3">
          {nested.map((reply) => renderPost(reply, []))}
        </ul>
      ) : null}
      {post.parentId === null ? (
        <details open={sentFrom === post.id}>
          <summary className="cursor-pointer text-accent-700 underline">
            {t("discussion.replyTo", { name: post.authorName ?? "?" })}
          </summary>
          <div className="mt-2">
            <AnswerForm parentId={post.id} actionData={actionData} />
          </div>
        </details>
      ) : null}
    </li>
  );
  const topLevel = posts.filter((p) => !p.parentId || !posts.some((q) => q.id === p.parentId));
  const repliesTo = (id: string) => posts.filter((p) => p.parentId === id);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={topic.title} context={network.name}>
        <Link to={base} className="text-accent-700 underline">
          {t("discussion.back")}
        </Link>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <Card>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          {topic.authorId ? (
            <Avatar
              id={topic.authorId}
              name={topic.authorName ?? "?"}
              photoUrl={avatarUrl(topic.authorId, topic.authorAvatarFileId)}
              size={32}
            />
          ) : null}
          <span className="font-semibold text-slate-900">{topic.authorName ?? "?"}</span>
          <span>{t.dateTime(topic.createdAt)}</span>
          {topic.via === "email" ? <Tag>{t("discussion.viaMail")}</Tag> : null}
          {topic.themes.map((theme) => (
            <Tag key={theme}>{theme}</Tag>
          ))}
        </p>
        <div className="mt-2">
          <RichText text={topic.body} />
        </div>
        {fileList(null)}
        {meeting ? (
          <p className="mt-2 text-sm">
            {t("discussion.linkedMeeting")}{" "}
            <Link
              to={`/netwerken/${network.id}/bijeenkomsten/${meeting.id}`}
              className="text-accent-700 underline"
            >
              {t.date(meeting.startsAt)}
              {meeting.theme ? ` · ${meeting.theme}` : ""}
            </Link>
          </p>
        ) : null}
        {loaderData.canDelete ? (
          <details className="mt-3">
            <summary className="cursor-pointer text-sm text-red-800 underline">
              {t("discussion.delete")}
            </summary>
            <Form method="post" className="mt-2 flex flex-col gap-2">
              <input type="hidden" name="intent" value="delete" />
              <p className="text-sm">{t("discussion.deleteWarning")}</p>
              <div>
                <SubmitButton variant="danger">{t("discussion.deleteConfirm")}</SubmitButton>
              </div>
            </Form>
          </details>
        ) : null}
      </Card>
      <section aria-labelledby="answers" className="flex flex-col gap-3">
        <h2 id="answers" className="text-lg font-semibold">
          {t(
            loaderData.answerCount.more ? "discussion.answerCountMore" : "discussion.answerCount",
            {
              count: loaderData.answerCount.count,
            },
          )}
        </h2>
        {topLevel.length ? (
          <ul className="flex flex-col gap-3">
            {topLevel.map((post) => renderPost(post, repliesTo(post.id)))}
          </ul>
        ) : (
          <EmptyState>{t("discussion.noAnswers")}</EmptyState>
        )}
        <Pagination {...loaderData.pager} />
      </section>
      <Card>
        <h2 className="text-lg font-semibold">{t("discussion.yourAnswer")}</h2>
        <div className="mt-2">
          <AnswerForm parentId={null} actionData={actionData} />
        </div>
      </Card>
    </div>
  );
}
