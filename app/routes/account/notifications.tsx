import { Form, Link, redirect } from "react-router";
import type { NotificationKind } from "#app/modules/notifications/kinds.ts";
import { notificationsPageSchema } from "#app/modules/notifications/notifications.schema.ts";
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "#app/modules/notifications/notifications.server.ts";
import { pageFrom } from "#app/platform/paging.ts";
import { Button } from "#app/ui/button.tsx";
import { SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { EmptyState, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { Pagination } from "#app/ui/pagination.tsx";
import { handleIntents } from "../forms.server.ts";
import { withActor } from "../pipeline.server.ts";
import { noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/notifications";

const perPage = 20;

/** What each kind says, with {actor} and {subject}. */
const texts = {
  "discussion-answer": "notifications.text.discussion-answer",
  "discussion-reply": "notifications.text.discussion-reply",
  "meeting-changed": "notifications.text.meeting-changed",
  "meeting-cancelled": "notifications.text.meeting-cancelled",
  "conversation-proposed": "notifications.text.conversation-proposed",
  "feedback-given": "notifications.text.feedback-given",
  "intake-decided": "notifications.text.intake-decided",
  "place-offered": "notifications.text.place-offered",
  "survey-invitation": "notifications.text.survey-invitation",
} as const satisfies Record<NotificationKind, string>;

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.notifications");
}

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    const page = pageFrom(new URL(args.request.url), perPage);
    const { rows, hasNext } = await listNotifications(db, actor.userId, page);
    return {
      notifications: rows,
      pager: { page: page.page, pages: null, hasNext },
      notice: noticeFrom(args.request),
    };
  });
}

/** Only a path of our own: a stored link never sends the reader to another site. */
function internal(link: string) {
  return link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/\\") ? link : "/";
}

export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) => {
    const back = new URL(args.request.url).search;
    return handleIntents(args.request, notificationsPageSchema, {
      open: async ({ id }) => redirect(internal(await markNotificationRead(db, actor.userId, id))),
      read: async ({ id }) => {
        await markNotificationRead(db, actor.userId, id);
        const params = new URLSearchParams(back);
        params.set("melding", "notifications.markedRead");
        return redirect(`/meldingen?${params.toString()}`);
      },
      "read-all": async () => {
        await markAllNotificationsRead(db, actor.userId);
        return redirect("/meldingen?melding=notifications.allRead");
      },
    });
  });
}

export default function Notifications({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { notifications, pager, notice } = loaderData;
  const anyUnread = notifications.some((n) => !n.read);
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title={t("notifications.title")}
        intro={
          <>
            {t("notifications.intro")}{" "}
            <Link to="/account/meldingen" className="underline">
              {t("notifications.settingsLink")}
            </Link>
            .
          </>
        }
      />
      {notice ? <Notice tone="success">{t(notice)}</Notice> : null}
      {anyUnread ? (
        <Form method="post" className="mt-4">
          <input type="hidden" name="intent" value="read-all" />
          <SubmitButton variant="secondary">{t("notifications.markAllRead")}</SubmitButton>
        </Form>
      ) : null}
      {notifications.length === 0 ? (
        <div className="mt-4">
          <EmptyState>{t("notifications.empty")}</EmptyState>
        </div>
      ) : (
        <ul className="mt-4 flex flex-col gap-3">
          {notifications.map((item) => {
            const text = t(texts[item.kind], {
              actor: item.actorName ?? t("notifications.someone"),
              subject: item.subject,
            });
            return (
              <li
                key={item.id}
                className={`rounded-lg border p-4 shadow-sm ${
                  item.read
                    ? "border-slate-200 bg-white"
                    : "border-l-4 border-accent-700 border-y-slate-200 border-r-slate-200 bg-accent-50"
                }`}
              >
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0 flex-1">
                    {item.read ? null : (
                      <span className="mb-1 inline-block rounded-full bg-accent-700 px-2 text-sm font-medium text-white">
                        {t("notifications.unread")}
                      </span>
                    )}
                    <Form method="post">
                      <input type="hidden" name="intent" value="open" />
                      <input type="hidden" name="id" value={item.id} />
                      <button
                        type="submit"
                        className={`text-left break-words text-accent-800 underline hover:text-accent-900 ${
                          item.read ? "" : "font-semibold"
                        }`}
                      >
                        {text}
                      </button>
                    </Form>
                    <p className="mt-1 text-sm text-slate-700">{t.dateTime(item.createdAt)}</p>
                  </div>
                  {item.read ? null : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="read" />
                      <input type="hidden" name="id" value={item.id} />
                      <Button
                        aria-label={t("notifications.markReadOf", { text })}
                        variant="secondary"
                        size="sm"
                      >
                        {t("notifications.markRead")}
                      </Button>
                    </Form>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={pager.page} pages={pager.pages} hasNext={pager.hasNext} />
    </div>
  );
}
