import { Link } from "react-router";
import { roleLabel } from "#app/i18n/labels.ts";
import type {
  CoordinatorPanel,
  DecisionTask,
  FacilitatorPanel,
  RolePanel,
  SchoolAdminPanel,
} from "#app/modules/home/role-panels.server.ts";
import { useT } from "#app/ui/i18n.tsx";
import { Card, Tag } from "#app/ui/layout.tsx";

const link = "text-accent-700 underline underline-offset-4";
/** How many networks without a planned meeting a coordinator sees by name; the rest as a count. */
const attentionShown = 5;

/**
 * The start page's panels for what a person does because of a role (guide of a network,
 * programme coordinator, school admin). The loader gives only the panels of the person's own
 * roles; with none, nothing renders.
 */
export function RolePanels({ panels }: { panels: RolePanel[] }) {
  if (!panels.length) return null;
  return (
    <div className="flex flex-col gap-6">
      {panels.map((panel) => {
        switch (panel.kind) {
          case "facilitator":
            return <Facilitator key={panel.kind} panel={panel} />;
          case "coordinator":
            return <Coordinator key={panel.kind} panel={panel} />;
          case "school-admin":
            return <SchoolAdmin key={panel.kind} panel={panel} />;
          default:
            return null;
        }
      })}
    </div>
  );
}

function Facilitator({ panel }: { panel: FacilitatorPanel }) {
  const t = useT();
  return (
    <Card>
      <h2 className="text-xl font-semibold">{t("homePanel.facilitator.title")}</h2>
      <p className="mt-1 text-slate-700">{t("homePanel.facilitator.intro")}</p>
      <ul className="mt-4 grid gap-4 lg:grid-cols-2">
        {panel.networks.map((network) => {
          const base = `/netwerken/${network.id}`;
          const last = network.lastMeeting;
          const next = network.nextMeeting;
          return (
            <li key={network.id} className="rounded-md border border-slate-300 p-4">
              <h3 className="text-lg font-semibold break-words">
                <Link to={base} className={link}>
                  {network.name}
                </Link>
              </h3>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
                <span>{t("homePanel.facilitator.role", { role: t(roleLabel[network.role]) })}</span>
                <span aria-hidden="true">·</span>
                <span>{t("homePanel.facilitator.members", { count: network.activeMembers })}</span>
                {network.status === "in-formation" ? (
                  <Tag>{t("homePanel.facilitator.inFormation")}</Tag>
                ) : null}
              </p>
              <dl className="mt-3 flex flex-col gap-3">
                <div>
                  <dt className="font-medium">
                    {last
                      ? t("homePanel.facilitator.lastMeeting", { date: t.date(last.startsAt) })
                      : t("homePanel.facilitator.noLastMeeting")}
                  </dt>
                  {last ? (
                    <dd className="text-slate-700">
                      {last.recorded > 0 ? (
                        <Link to={`${base}/bijeenkomsten/${last.id}`} className={link}>
                          {t("homePanel.facilitator.attendance", {
                            present: last.present,
                            members: network.activeMembers,
                          })}
                        </Link>
                      ) : (
                        <>
                          {t("homePanel.facilitator.notRecorded")}:{" "}
                          <Link to={`${base}/bijeenkomsten/${last.id}`} className={link}>
                            {t("homePanel.facilitator.recordAttendance")}
                          </Link>
                        </>
                      )}
                    </dd>
                  ) : null}
                </div>
                <div>
                  <dt className="font-medium">{t("homePanel.facilitator.nextMeeting")}</dt>
                  <dd className="text-slate-700">
                    {next ? (
                      <Link to={`${base}/bijeenkomsten/${next.id}`} className={link}>
                        {t.dateTime(next.startsAt)}
                        {next.theme ? `: ${next.theme}` : ""}
                      </Link>
                    ) : (
                      <>
                        {t("homePanel.facilitator.noNextMeeting")}.{" "}
                        <Link to={`${base}/bijeenkomsten/nieuw`} className={link}>
                          {t("homePanel.facilitator.planMeeting")}
                        </Link>
                      </>
                    )}
                  </dd>
                </div>
                <div>
                  <dt className="font-medium">{t("homePanel.facilitator.intakesLabel")}</dt>
                  <dd>
                    {network.intakes > 0 ? (
                      <Link to={`${base}/leden`} className={`${link} font-semibold`}>
                        {t("homePanel.facilitator.intakes", { count: network.intakes })}
                      </Link>
                    ) : (
                      <span className="text-slate-700">{t("homePanel.facilitator.noIntakes")}</span>
                    )}
                    {network.nominations > 0 ? (
                      <span className="block text-sm text-slate-700">
                        {t("homePanel.facilitator.nominations", { count: network.nominations })}
                      </span>
                    ) : null}
                  </dd>
                </div>
              </dl>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function Coordinator({ panel }: { panel: CoordinatorPanel }) {
  const t = useT();
  return (
    <Card>
      <h2 className="text-xl font-semibold">{t("homePanel.coordinator.title")}</h2>
      <p className="mt-1 text-slate-700">{t("homePanel.coordinator.intro")}</p>
      <ul className="mt-4 flex flex-col gap-4">
        {panel.programmes.map((programme) => {
          const networks = programme.inFormation + programme.active;
          const shown = programme.withoutNextMeeting.slice(0, attentionShown);
          const more = programme.withoutNextMeeting.length - shown.length;
          return (
            <li key={programme.id} className="rounded-md border border-slate-300 p-4">
              <h3 className="text-lg font-semibold break-words">{programme.name}</h3>
              {networks === 0 ? (
                <p className="mt-1 text-slate-700">{t("homePanel.coordinator.noNetworks")}</p>
              ) : (
                <p className="mt-1 text-slate-700">
                  {t("homePanel.coordinator.active", { count: programme.active })},{" "}
                  {t("homePanel.coordinator.inFormation", { count: programme.inFormation })}
                </p>
              )}
              <p className="mt-2">
                {programme.applicationsToJudge > 0 ? (
                  <Link to="/aanvragen" className={`${link} font-semibold`}>
                    {t("homePanel.coordinator.applications", {
                      count: programme.applicationsToJudge,
                    })}
                  </Link>
                ) : (
                  <span className="text-slate-700">
                    {t("homePanel.coordinator.applications", { count: 0 })}
                  </span>
                )}
              </p>
              {networks > 0 ? (
                <div className="mt-3">
                  <h4 className="font-medium">{t("homePanel.coordinator.attention")}</h4>
                  {shown.length === 0 ? (
                    <p className="text-slate-700">{t("homePanel.coordinator.attentionNone")}</p>
                  ) : (
                    <ul className="mt-1 flex flex-col gap-1">
                      {shown.map((network) => (
                        <li key={network.id} className="break-words">
                          <Link to={`/netwerken/${network.id}`} className={link}>
                            {network.name}
                          </Link>
                        </li>
                      ))}
                      {more > 0 ? (
                        <li className="text-slate-700">
                          {t("homePanel.coordinator.attentionMore", { count: more })}
                        </li>
                      ) : null}
                    </ul>
                  )}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p className="mt-4 flex flex-wrap gap-x-6 gap-y-2">
        <Link to="/dashboard" className={link}>
          {t("homePanel.coordinator.dashboard")}
        </Link>
        <Link to="/aanvragen" className={link}>
          {t("homePanel.coordinator.applicationsLink")}
        </Link>
      </p>
    </Card>
  );
}

function SchoolAdmin({ panel }: { panel: SchoolAdminPanel }) {
  const t = useT();
  return (
    <Card>
      <h2 className="text-xl font-semibold">{t("homePanel.school.title")}</h2>
      <p className="mt-1 text-slate-700">{t("homePanel.school.intro")}</p>
      <ul className="mt-4 grid gap-4 lg:grid-cols-2">
        {panel.organisations.map((organisation) => {
          const base = `/organisaties/${organisation.id}`;
          return (
            <li key={organisation.id} className="rounded-md border border-slate-300 p-4">
              <h3 className="text-lg font-semibold break-words">
                <Link to={base} className={link}>
                  {organisation.name}
                </Link>
              </h3>
              {organisation.toolkit ? null : (
                <p className="text-sm text-slate-700">{t("homePanel.school.boardSchool")}</p>
              )}
              <p className="mt-2">
                {organisation.requests > 0 ? (
                  <Link to={`${base}#aanvragen`} className={`${link} font-semibold`}>
                    {t("homePanel.school.requests", { count: organisation.requests })}
                  </Link>
                ) : (
                  <span className="text-slate-700">
                    {t("homePanel.school.requests", { count: 0 })}
                  </span>
                )}
              </p>
              {organisation.toolkit ? (
                <p className="mt-2 text-slate-700">
                  <Link to={`${base}/netwerklerend`} className={link}>
                    {t("homePanel.school.toolkit")}
                  </Link>
                  :{" "}
                  {t("homePanel.school.initiatives", {
                    count: organisation.toolkit.initiatives,
                  })}
                  , {t("homePanel.school.themes", { count: organisation.toolkit.themes })}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

/** A decision in the start page's "Te doen" list (see decisionTasks): what waits, as a link. */
export function DecisionTaskLine({ task }: { task: DecisionTask }) {
  const t = useT();
  const label =
    task.decision === "intakes"
      ? t("homePanel.facilitator.intakes", { count: task.count })
      : task.decision === "applications"
        ? t("homePanel.coordinator.applications", { count: task.count })
        : t("homePanel.school.requests", { count: task.count });
  return (
    <Link to={task.path} className={link}>
      {label}
    </Link>
  );
}
