import { Form } from "react-router";
import { registerFormLabel, registerSourceLabel } from "#app/i18n/labels.ts";
import { useT } from "#app/ui/i18n.tsx";
import { EmptyState, Tag } from "#app/ui/layout.tsx";
import type { Register } from "./register-cycle.tsx";

/** The activities in one's register, with their evidence and the delete button for one's own. */
export function ActivityList({ activities }: { activities: Register["activities"] }) {
  const t = useT();
  return (
    <>
      {activities.length === 0 ? (
        <EmptyState>{t("register.activities.none")}</EmptyState>
      ) : (
        <ul className="mt-2 flex flex-col gap-3">
          {activities.map((a) => (
            <li
              key={a.id}
              className={`rounded-md border p-3 ${a.withdrawn || !a.inCycle ? "border-slate-200 bg-slate-50" : "border-slate-300"}`}
            >
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-semibold">{a.title}</span>
                <span className="font-medium">
                  {t("register.activity.points", { points: a.points })}
                </span>
                {a.withdrawn ? <Tag>{t("register.activity.withdrawn")}</Tag> : null}
                {!a.inCycle ? <Tag>{t("register.activity.outside")}</Tag> : null}
                <Tag>{t(registerSourceLabel[a.source])}</Tag>
              </p>
              <p className="text-sm text-slate-700">
                {[
                  a.provider,
                  t(registerFormLabel[a.learningForm]),
                  `${t.date(a.startDate)} – ${t.date(a.endDate)}`,
                  a.hours !== null ? t("register.activity.hours", { hours: a.hours }) : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              {a.themes.length ? <p className="text-sm">{a.themes.join(", ")}</p> : null}
              {a.evidence ? <p className="text-sm text-slate-700">{a.evidence}</p> : null}
              {a.withdrawn && a.revokedReason ? (
                <p className="text-sm text-red-800">
                  {t("register.activity.revokedReason", { reason: a.revokedReason })}
                </p>
              ) : null}
              <p className="mt-1 flex flex-wrap gap-3 text-sm">
                {a.evidenceFileId ? (
                  <a
                    href={`/herregistratie/bewijs/${a.evidenceFileId}`}
                    className="text-accent-700 underline"
                  >
                    {t("register.evidence.download")}
                  </a>
                ) : null}
                {a.certificateId ? (
                  <a
                    href={`/certificaten/${a.certificateId}/pdf`}
                    className="text-accent-700 underline"
                  >
                    {t("register.certificate.download")}
                  </a>
                ) : null}
                {a.certificateCode ? (
                  <span>{t("register.certificate.code", { code: a.certificateCode })}</span>
                ) : null}
              </p>
              {a.source !== "route" ? (
                <Form method="post" className="mt-1">
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="activityId" value={a.id} />
                  <button
                    type="submit"
                    className="text-sm text-red-700 underline"
                    aria-label={t("register.activity.deleteNamed", { title: a.title })}
                  >
                    {t("register.activity.delete")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
