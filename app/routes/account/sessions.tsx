import { Form, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import {
  endAllSessions,
  endSessionById,
  listSessions,
} from "#app/modules/accounts/sessions.server.ts";
import { SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";
import { clearSessionCookie, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/sessions";

export function meta() {
  return [{ title: "Mijn sessies — Knooppunt" }];
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const state = context.get(requestState);
  const actor = requireActor(state, request);
  const sessions = await listSessions(await getDb(), actor.userId);
  return {
    sessions: sessions.map((session) => ({
      ...session,
      current: session.idHash === state.sessionIdHash,
    })),
    ended: new URL(request.url).searchParams.has("beeindigd"),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const state = context.get(requestState);
  const actor = requireActor(state, request);
  const form = await request.formData();
  const db = await getDb();
  if (form.get("intent") === "end-all") {
    await endAllSessions(db, actor.userId);
    return redirect("/inloggen?reden=login.loggedOut", {
      headers: { "Set-Cookie": clearSessionCookie() },
    });
  }
  const idHash = String(form.get("session") ?? "");
  await endSessionById(db, actor.userId, idHash);
  if (idHash === state.sessionIdHash) {
    return redirect("/inloggen?reden=login.loggedOut", {
      headers: { "Set-Cookie": clearSessionCookie() },
    });
  }
  return redirect("/account/sessies?beeindigd=1");
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
