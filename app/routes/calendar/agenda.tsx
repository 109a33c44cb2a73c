import { getFormProps } from "@conform-to/react";
import { Form, Link } from "react-router";
import type { MessageKey } from "#app/i18n/catalogues/index.ts";
import { formatTime } from "#app/i18n/dates.ts";
import { agendaKindLabel, agendaReminderLabel } from "#app/i18n/labels.ts";
import {
  type AgendaPageForm,
  agendaPageSchema,
  reminderChoices,
} from "#app/modules/calendar/calendar.schema.ts";
import {
  agendaItems,
  createFeed,
  getCalendarSettings,
  revokeFeed,
  saveReminderSettings,
} from "#app/modules/calendar/calendar.server.ts";
import { SelectField, SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, LockNote, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleIntents } from "../forms.server.ts";
import { withActor } from "../pipeline.server.ts";
import { baseUrl } from "../session.server.ts";
import type { Route } from "./+types/agenda";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.agenda");
}

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    const [items, settings] = await Promise.all([
      agendaItems(db, actor.userId, new Date()),
      getCalendarSettings(db, actor),
    ]);
    return { items, settings };
  });
}

interface AgendaAnswer {
  feedUrl: string | null;
  notice: MessageKey;
}

export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) =>
    handleIntents(args.request, agendaPageSchema, {
      "create-feed": async (): Promise<AgendaAnswer> => {
        const token = await createFeed(db, actor);
        return {
          feedUrl: `${baseUrl(args.request)}/agenda/feed/${token}.ics`,
          notice: "agenda.feed.created",
        };
      },
      "revoke-feed": async () => {
        await revokeFeed(db, actor);
        return { feedUrl: null, notice: "agenda.feed.revoked" };
      },
      reminders: async ({ meetingReminderHours, dueReminderHours }) => {
        await saveReminderSettings(db, actor, { meetingReminderHours, dueReminderHours });
        return { feedUrl: null, notice: "agenda.reminders.saved" };
      },
    }),
  );
}

export default function Agenda({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { items, settings } = loaderData;
  const answer: unknown = actionData;
  const done =
    answer && typeof answer === "object" && "notice" in answer ? (answer as AgendaAnswer) : null;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("agenda.title")} intro={t("agenda.intro")} />
      {done ? <Notice tone="success">{t(done.notice)}</Notice> : null}
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
                <Tag>{t(agendaKindLabel[item.kind])}</Tag>
                {item.cancelled ? <Tag>{t("meeting.cancelled")}</Tag> : null}
                <Link to={item.path} className="text-accent-700 underline">
                  {item.title}
                </Link>
                <Where item={item} />
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("agenda.feed")}</h2>
        <p className="mt-1 text-sm text-slate-700">{t("agenda.feed.intro")}</p>
        <LockNote>{t("agenda.feed.secret")}</LockNote>
        {done?.feedUrl ? (
          <div className="mt-3 flex flex-col gap-1">
            <label htmlFor="feed-url" className="font-medium">
              {t("agenda.feed.url")}
            </label>
            <input
              id="feed-url"
              readOnly
              value={done.feedUrl}
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
        <RemindersForm actionData={actionData} settings={settings} />
      </Card>
    </div>
  );
}

/** Where to go: the place, or the link to join online (a due date is nowhere). */
function Where({ item }: { item: { kind: string; place: string; onlineUrl: string } }) {
  const t = useT();
  if (item.kind === "due") return null;
  const line = "basis-full text-sm text-slate-700 [overflow-wrap:anywhere]";
  if (item.onlineUrl) {
    return (
      <span className={line}>
        <a href={item.onlineUrl} className="text-accent-700 underline" rel="noreferrer">
          {t("agenda.online", { host: hostOf(item.onlineUrl) })}
        </a>
      </span>
    );
  }
  return (
    <span className={line}>
      {item.place ? t("agenda.where", { place: item.place }) : t("agenda.where.unknown")}
    </span>
  );
}

function hostOf(url: string) {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

function RemindersForm({
  actionData,
  settings,
}: {
  actionData: unknown;
  settings: { meetingReminderHours: number | null; dueReminderHours: number | null };
}) {
  const t = useT();
  const hours = (value: number | null) => (value === null ? "" : String(value));
  const [form, fields] = useIntentForm<Extract<AgendaPageForm, { intent: "reminders" }>>(
    "reminders",
    actionData,
    {
      defaultValue: {
        meetingReminderHours: hours(settings.meetingReminderHours),
        dueReminderHours: hours(settings.dueReminderHours),
      },
    },
  );
  const hoursOptions = reminderChoices.map((value) => ({
    value,
    label: value === "" ? t("agenda.reminders.off") : t(agendaReminderLabel[value]),
  }));
  return (
    <Form method="post" {...getFormProps(form)} className="mt-3 flex flex-col gap-4">
      <input type="hidden" name="intent" value="reminders" />
      <SelectField
        label={t("agenda.reminders.meetings")}
        options={hoursOptions}
        {...fieldProps(fields.meetingReminderHours)}
      />
      <SelectField
        label={t("agenda.reminders.due")}
        options={hoursOptions}
        {...fieldProps(fields.dueReminderHours)}
      />
      <div>
        <SubmitButton variant="secondary">{t("agenda.reminders.save")}</SubmitButton>
      </div>
    </Form>
  );
}
