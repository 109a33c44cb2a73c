import { Form, redirect } from "react-router";
import { sessionsPageSchema } from "#app/modules/accounts/accounts.schema.ts";
import {
  endAllSessions,
  endSessionById,
  listSessions,
} from "#app/modules/accounts/sessions.server.ts";
import { SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleIntents } from "../forms.server.ts";
import { withActor } from "../pipeline.server.ts";
import { clearSessionCookie, requestState } from "../session.server.ts";
import type { Route } from "./+types/sessions";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.sessions");
}

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    const { sessionIdHash } = args.context.get(requestState);
    const sessions = await listSessions(db, actor.userId);
    return {
      sessions: sessions.map((session) => ({
        ...session,
        current: session.idHash === sessionIdHash,
      })),
      ended: new URL(args.request.url).searchParams.has("beeindigd"),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) => {
    const { sessionIdHash } = args.context.get(requestState);
    const loggedOut = () =>
      redirect("/inloggen?reden=login.loggedOut", {
        headers: { "Set-Cookie": clearSessionCookie() },
      });
    return handleIntents(args.request, sessionsPageSchema, {
      "end-all": async () => {
        await endAllSessions(db, actor.userId);
        return loggedOut();
      },
      end: async ({ session }) => {
        await endSessionById(db, actor.userId, session);
        return session === sessionIdHash ? loggedOut() : redirect("/account/sessies?beeindigd=1");
      },
    });
  });
}

function describeDevice(userAgent: string, unknown: string) {
  if (!userAgent) return unknown;
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : null;
  const os = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : null;
  return [browser, os].filter(Boolean).join(" op ") || unknown;
}

export default function Sessions({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("sessions.title")} intro={t("sessions.intro")} />
      {loaderData.ended ? <Notice tone="success">{t("sessions.ended")}</Notice> : null}
      <ul className="mt-4 flex flex-col gap-3">
        {loaderData.sessions.map((session) => (
          <Card as="li" key={session.idHash}>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <div>
                <p className="font-medium">
                  {describeDevice(session.userAgent, t("sessions.unknownDevice"))}
                  {session.current ? (
                    <span className="ml-2 rounded bg-accent-50 px-2 text-sm text-accent-800">
                      {t("sessions.current")}
                    </span>
                  ) : null}
                </p>
                <p className="text-sm text-slate-700">
                  {t("sessions.started", { date: t.dateTime(session.createdAt) })}
                </p>
                <p className="text-sm text-slate-700">
                  {t("sessions.lastSeen", { date: t.dateTime(session.lastSeenAt) })}
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="end" />
                <input type="hidden" name="session" value={session.idHash} />
                <SubmitButton variant="secondary">{t("sessions.end")}</SubmitButton>
              </Form>
            </div>
          </Card>
        ))}
      </ul>
      <Form method="post" className="mt-6">
        <input type="hidden" name="intent" value="end-all" />
        <SubmitButton variant="danger">{t("sessions.endAll")}</SubmitButton>
      </Form>
    </div>
  );
}
