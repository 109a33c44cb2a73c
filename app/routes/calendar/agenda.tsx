import { data, Form, Link } from "react-router";
import { z } from "zod";
import { getDb } from "#app/db/client.server.ts";
import { formatTime } from "#app/i18n/dates.ts";
import {
  agendaItems,
  createFeed,
  getCalendarSettings,
  revokeFeed,
  saveReminderSettings,
} from "#app/modules/calendar/calendar.server.ts";
import { parseForm } from "#app/platform/forms.ts";
import { SelectField, SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, LockNote, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { baseUrl, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/agenda";

export function meta() {
  return [{ title: "Mijn agenda — Knooppunt" }];
}

const reminderChoices = ["", "2", "24", "48", "168"] as const;
const hoursField = z
  .enum(reminderChoices, { error: "error.reminder.hours" })
  .transform((value) => (value === "" ? null : Number(value)));
const reminderSchema = z.object({ meetingReminderHours: hoursField, dueReminderHours: hoursField });

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  const [items, settings] = await Promise.all([
    agendaItems(db, actor.userId, new Date()),
    getCalendarSettings(db, actor),
  ]);
  return { items, settings };
}

export async function action({ context, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const formData = await request.formData();
  const db = await getDb();
  const intent = formData.get("intent");
  if (intent === "create-feed") {
    const token = await createFeed(db, actor);
    return {
      feedUrl: `${baseUrl(request)}/agenda/feed/${token}.ics`,
      notice: "agenda.feed.created",
    };
  }
  if (intent === "revoke-feed") {
    await revokeFeed(db, actor);
    return { feedUrl: null, notice: "agenda.feed.revoked" };
  }
  const form = parseForm(reminderSchema, formData);
  if (!form.ok) return data({ feedUrl: null, notice: null, errors: form.errors }, { status: 400 });
  await saveReminderSettings(db, actor, form.data);
  return { feedUrl: null, notice: "agenda.reminders.saved" };
}

export default function Agenda({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { items, settings } = loaderData;
  const errors =
    actionData && "errors" in actionData
      ? (actionData.errors as Record<string, string>)
      : undefined;
  const hoursOptions = reminderChoices.map((value) => ({
    value,
    label: value === "" ? t("agenda.reminders.off") : t(`agenda.reminders.h${value}`),
  }));
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("agenda.title")} intro={t("agenda.intro")} />
      {actionData?.notice ? <Notice tone="success">{t(actionData.notice)}</Notice> : null}
      <Card>
        <h2 className="text-lg font-semibold">{t("agenda.upcoming")}</h2>
        {items.length === 0 ? (
          <EmptyState>{t("agenda.none")}</EmptyState>
        ) : (
          <ul className="mt-2">
            {items.map((item) => (
              <li
                key={item.uid}
                className="flex flex-wrap items-center gap-2 border-t border-slate-200 py-2 first:border-t-0"
              >
                <span className="whitespace-nowrap font-medium">
                  {t.dateTime(item.kind === "due" ? item.endsAt : item.startsAt)}
                  {item.kind === "due" ? "" : `–${formatTime(item.endsAt, t.locale)}`}
                </span>
                <Tag>{t(`agenda.kind.${item.kind}`)}</Tag>
                {item.cancelled ? <Tag>{t("meeting.cancelled")}</Tag> : null}
                <Link to={item.path} className="text-accent-700 underline">
                  {item.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("agenda.feed")}</h2>
        <p className="mt-1 text-sm text-slate-700">{t("agenda.feed.intro")}</p>
        <LockNote>{t("agenda.feed.secret")}</LockNote>
        {actionData?.feedUrl ? (
          <div className="mt-3 flex flex-col gap-1">
            <label htmlFor="feed-url" className="font-medium">
              {t("agenda.feed.url")}
            </label>
            <input
              id="feed-url"
              readOnly
              value={actionData.feedUrl}
              className="w-full rounded-md border border-slate-400 bg-slate-50 px-3 py-2 font-mono text-sm"
            />
            <p className="text-sm text-slate-700">{t("agenda.feed.once")}</p>
          </div>
        ) : settings.hasFeed ? (
          <p className="mt-2">
            {t("agenda.feed.active", {
              date: settings.feedCreatedAt ? t.date(settings.feedCreatedAt) : "",
            })}
          </p>
        ) : null}
        <div className="mt-3 flex flex-wrap gap-3">
          <Form method="post">
            <input type="hidden" name="intent" value="create-feed" />
            <SubmitButton>
              {settings.hasFeed ? t("agenda.feed.renew") : t("agenda.feed.create")}
            </SubmitButton>
          </Form>
          {settings.hasFeed ? (
            <Form method="post">
              <input type="hidden" name="intent" value="revoke-feed" />
              <SubmitButton variant="danger">{t("agenda.feed.revoke")}</SubmitButton>
            </Form>
          ) : null}
        </div>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("agenda.reminders")}</h2>
        <Form method="post" className="mt-3 flex flex-col gap-4">
          <input type="hidden" name="intent" value="reminders" />
          <SelectField
            name="meetingReminderHours"
            label={t("agenda.reminders.meetings")}
            error={errors?.meetingReminderHours}
            defaultValue={
              settings.meetingReminderHours === null ? "" : String(settings.meetingReminderHours)
            }
            options={hoursOptions}
          />
          <SelectField
            name="dueReminderHours"
            label={t("agenda.reminders.due")}
            error={errors?.dueReminderHours}
            defaultValue={
              settings.dueReminderHours === null ? "" : String(settings.dueReminderHours)
            }
            options={hoursOptions}
          />
          <div>
            <SubmitButton variant="secondary">{t("agenda.reminders.save")}</SubmitButton>
          </div>
        </Form>
      </Card>
    </div>
  );
}
