import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import {
  type NotificationChannel,
  notificationChannels,
  notificationKindLabel,
  notificationKinds,
} from "#app/modules/notifications/kinds.ts";
import { notificationSettingsSchema } from "#app/modules/notifications/notifications.schema.ts";
import {
  getNotificationPreferences,
  saveNotificationPreferences,
} from "#app/modules/notifications/notifications.server.ts";
import { ErrorSummary, SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleForm } from "../forms.server.ts";
import { withActor } from "../pipeline.server.ts";
import { noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/notification-settings";

/** Each kind as the person knows it. */
const channelLabels = {
  app: "notifications.channel.app",
  mail: "notifications.channel.mail",
  both: "notifications.channel.both",
} as const satisfies Record<NotificationChannel, string>;

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.notificationSettings");
}

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => ({
    preferences: await getNotificationPreferences(db, actor.userId),
    notice: noticeFrom(args.request),
  }));
}

export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) =>
    handleForm(args.request, notificationSettingsSchema, async (choices) => {
      await saveNotificationPreferences(db, actor.userId, choices);
      return redirect("/account/meldingen?melding=notifications.settings.saved");
    }),
  );
}

export default function NotificationSettings({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { preferences, notice } = loaderData;
  const [form, fields] = useIntentForm<Record<string, NotificationChannel>>("", actionData, {
    id: "notification-settings",
    defaultValue: preferences,
  });
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader
        title={t("notifications.settings.title")}
        intro={t("notifications.settings.intro")}
      >
        <p>
          <Link to="/meldingen" className="text-accent-800 underline">
            {t("notifications.settings.toList")}
          </Link>
        </p>
      </PageHeader>
      {notice ? <Notice tone="success">{t(notice)}</Notice> : null}
      <Card className="mt-4">
        <Form method="post" {...getFormProps(form)} className="flex flex-col gap-5">
          <ErrorSummary errors={fieldErrorsOf(form)} />
          {notificationKinds.map((kind) => {
            const field = fields[kind];
            const error = field?.errors?.[0];
            const chosen =
              typeof field?.initialValue === "string" ? field.initialValue : preferences[kind];
            return (
              <fieldset
                key={kind}
                className="flex flex-col gap-2"
                aria-describedby={error ? `${kind}-error` : undefined}
              >
                <legend className="mb-1 font-medium text-slate-900">
                  {t(notificationKindLabel[kind])}
                </legend>
                <div className="flex flex-wrap gap-x-6 gap-y-2">
                  {notificationChannels.map((channel) => (
                    <label key={channel} className="flex items-center gap-2">
                      <input
                        type="radio"
                        name={kind}
                        value={channel}
                        defaultChecked={chosen === channel}
                        className="size-4 accent-accent-700"
                      />
                      <span>{t(channelLabels[channel])}</span>
                    </label>
                  ))}
                </div>
                {error ? (
                  <p id={`${kind}-error`} className="text-sm font-medium text-red-700">
                    {t.error(error)}
                  </p>
                ) : null}
              </fieldset>
            );
          })}
          <div>
            <SubmitButton>{t("notifications.settings.save")}</SubmitButton>
          </div>
        </Form>
      </Card>
    </div>
  );
}
