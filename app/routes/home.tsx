import { Form, Link, redirect } from "react-router";
import { roleLabel } from "#app/i18n/labels.ts";
import { openMySurvey } from "#app/modules/evaluation/my-surveys.server.ts";
import { startPageSchema } from "#app/modules/home/start-page.schema.ts";
import {
  loadStartPage,
  type StartPage,
  type StartTask,
} from "#app/modules/home/start-page.server.ts";
import { Button, LinkButton } from "#app/ui/button.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import type { Route } from "./+types/home";
import { handleIntents } from "./forms.server.ts";
import { DecisionTaskLine, RolePanels } from "./home/role-panels.tsx";
import { withActor, withVisitor } from "./pipeline.server.ts";
import { noticeFrom } from "./session.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.home");
}

export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async ({ db, actor }) => ({
    name: actor?.name ?? null,
    // Visitors get the public page; a signed-in person their own things and their roles' panels.
    start: actor ? await loadStartPage(db, actor) : null,
    // e.g. "Je account is verwijderd" after deleting one's own account
    notice: noticeFrom(args.request),
  }));
}

export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) =>
    handleIntents(args.request, startPageSchema, {
      "open-survey": async ({ surveyId }) => {
        const token = await openMySurvey(db, actor, surveyId);
        return redirect(`/vragenlijst/${token}`);
      },
    }),
  );
}

const linkClass = "text-accent-700 underline underline-offset-4";

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  if (loaderData.name && loaderData.start) {
    return <StartPageView name={loaderData.name} start={loaderData.start} />;
  }
  return (
    <div className="flex flex-col gap-8">
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <section className="flex flex-col gap-4">
        <h1 className="text-3xl font-bold sm:text-4xl">{t("home.title")}</h1>
        <p className="max-w-2xl text-lg text-slate-700">{t("home.intro")}</p>
        <div className="flex flex-wrap gap-3">
          <LinkButton to="/registreren">{t("home.cta.register")}</LinkButton>
          <LinkButton to="/inloggen" variant="secondary">
            {t("home.cta.login")}
          </LinkButton>
          <LinkButton to="/netwerken" variant="quiet">
            {t("home.cta.networks")}
          </LinkButton>
        </div>
      </section>
      <ul className="grid gap-4 sm:grid-cols-3">
        {(["home.feature.networks", "home.feature.meetings", "home.feature.school"] as const).map(
          (key) => (
            <Card as="li" key={key}>
              <p className="font-medium">{t(key)}</p>
            </Card>
          ),
        )}
      </ul>
    </div>
  );
}

/** Mijn Knooppunt: the next meeting, the open tasks and the networks first; the rest beside them. */
function StartPageView({ name, start }: { name: string; start: StartPage }) {
  const t = useT();
  // A coordinator or school admin in no network of their own starts from their role's work,
  // not from a meeting and networks they do not have.
  const roleFirst = start.networks.length === 0 && start.panels.length > 0;
  return (
    <div className="flex flex-col gap-6">
      <div className="-mb-6">
        <PageHeader title={t("home.welcome", { name })} intro={t("start.intro")} />
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
          {roleFirst ? null : (
            <NextMeeting meeting={start.nextMeeting} hasNetworks={start.networks.length > 0} />
          )}
          {/* Right after the meeting, so a phone shows them without a long scroll. */}
          {start.points ? <Points points={start.points} /> : null}
          <Tasks tasks={start.tasks} />
          {roleFirst ? (
            <RolePanels panels={start.panels} />
          ) : (
            <MyNetworks networks={start.networks} />
          )}
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          {start.certificates.length ? <Certificates certificates={start.certificates} /> : null}
          <KnowsAbout schools={start.schools} />
          {start.buddyMeeting ? <BuddyMeeting meeting={start.buddyMeeting} /> : null}
          {roleFirst ? <MyNetworks networks={start.networks} /> : null}
        </div>
      </div>
      {roleFirst ? null : <RolePanels panels={start.panels} />}
    </div>
  );
}

/** One part of the start page: a card that is a section named by its heading. */
function StartCard({
  id,
  title,
  className,
  children,
}: {
  id: string;
  title: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <Card as="div">
      <section aria-labelledby={id} className={className}>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {children}
      </section>
    </Card>
  );
}

function NextMeeting({
  meeting,
  hasNetworks,
}: {
  meeting: StartPage["nextMeeting"];
  hasNetworks: boolean;
}) {
  const t = useT();
  if (!meeting) {
    return (
      <StartCard id="start-meeting" title={t("start.meeting.title")}>
        <p className="mt-2 text-slate-700">
          {t(hasNetworks ? "start.meeting.none" : "start.meeting.noneNoNetworks")}
        </p>
      </StartCard>
    );
  }
  const roles = (
    [
      ["preparer", "start.meeting.role.preparer"],
      ["caseOwner", "start.meeting.role.caseOwner"],
      ["speaker", "start.meeting.role.speaker"],
    ] as const
  ).filter(([role]) => meeting.roles[role]);
  const meetingPath = `/netwerken/${meeting.networkId}/bijeenkomsten/${meeting.id}`;
  return (
    <StartCard id="start-meeting" title={t("start.meeting.title")} className="flex flex-col gap-3">
      <p className="text-xl font-semibold text-slate-900">
        {meeting.networkName}
        {meeting.theme ? `: ${meeting.theme}` : ""}
        {meeting.isClosing ? (
          <span className="ml-2 align-middle">
            <Tag>{t("start.meeting.closing")}</Tag>
          </span>
        ) : null}
      </p>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium text-slate-700">{t("start.meeting.when")}</dt>
        <dd>{t.range(meeting.startsAt, meeting.endsAt)}</dd>
        <dt className="font-medium text-slate-700">
          {meeting.onlineUrl ? t("start.meeting.online") : t("start.meeting.where")}
        </dt>
        <dd className="break-words">
          {meeting.onlineUrl ? (
            <a href={meeting.onlineUrl} className={linkClass} rel="noreferrer">
              {t("start.meeting.onlineLink")}
            </a>
          ) : (
            meeting.place || t("start.meeting.noPlace")
          )}
        </dd>
        {roles.length ? (
          <>
            <dt className="font-medium text-slate-700">{t("start.meeting.yourPart")}</dt>
            <dd>
              <ul className="flex flex-wrap gap-2">
                {roles.map(([role, key]) => (
                  <li key={role}>
                    <Tag>{t(key)}</Tag>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      <div>
        <h3 className="font-semibold">{t("start.meeting.prepare")}</h3>
        {meeting.programme.length || meeting.cases.length ? (
          <div className="mt-1 grid gap-3 sm:grid-cols-2">
            {meeting.programme.length ? (
              <div>
                <h4 className="text-sm font-medium text-slate-700">
                  {t("start.meeting.programme")}
                </h4>
                <ol className="list-decimal pl-5">
                  {meeting.programme.map((item) => (
                    <li key={item.title}>
                      {item.title}
                      {item.minutes ? (
                        <span className="text-slate-700">
                          {" "}
                          ({t("start.meeting.minutes", { minutes: item.minutes })})
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ol>
              </div>
            ) : null}
            {meeting.cases.length ? (
              <div>
                <h4 className="text-sm font-medium text-slate-700">{t("start.meeting.cases")}</h4>
                <ul className="list-disc pl-5">
                  {meeting.cases.map((c) => (
                    <li key={c.id}>
                      {c.title}{" "}
                      <span className="text-slate-700">
                        (
                        {c.mine
                          ? t("start.meeting.yourCase")
                          : t("start.meeting.caseBy", { name: c.authorName })}
                        )
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        ) : (
          <p className="mt-1 text-slate-700">{t("start.meeting.nothingToPrepare")}</p>
        )}
      </div>
      <p className="flex flex-wrap gap-x-4 gap-y-1">
        <Link to={meetingPath} className={linkClass}>
          {t("start.meeting.open")}
        </Link>
        <Link to="/agenda" className={linkClass}>
          {t("start.meeting.agenda")}
        </Link>
      </p>
    </StartCard>
  );
}

function Tasks({ tasks }: { tasks: StartTask[] }) {
  const t = useT();
  return (
    <StartCard id="start-tasks" title={t("start.tasks.title")}>
      {tasks.length === 0 ? (
        <p className="mt-2 text-slate-700">{t("start.tasks.none")}</p>
      ) : (
        <ul className="mt-2 flex flex-col divide-y divide-slate-200">
          {tasks.map((task) => (
            <li key={task.key} className="flex flex-col gap-1 py-2">
              <TaskLine task={task} />
              <p className="text-sm text-slate-700">
                {task.networkName}
                {task.dueAt ? ` · ${dueText(t, task)}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </StartCard>
  );
}

function dueText(t: ReturnType<typeof useT>, task: StartTask) {
  if (!task.dueAt) return "";
  if (task.kind === "slot") return t("start.tasks.slotDue", { date: t.dateTime(task.dueAt) });
  if (task.kind === "offer") return t("start.tasks.offerDue", { date: t.dateTime(task.dueAt) });
  return t("start.tasks.due", { date: t.dateTime(task.dueAt) });
}

function TaskLine({ task }: { task: StartTask }) {
  const t = useT();
  if (task.kind === "decision") return <DecisionTaskLine task={task} />;
  if (task.kind === "survey") {
    // A fresh one-time link is made when the person opens it: a post, never a GET.
    return (
      <Form method="post" className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span>{t("start.tasks.survey", { title: task.title })}</span>
        <input type="hidden" name="intent" value="open-survey" />
        <input type="hidden" name="surveyId" value={task.surveyId} />
        <Button size="sm">{t("start.tasks.surveyOpen")}</Button>
      </Form>
    );
  }
  const label =
    task.kind === "slot"
      ? t("start.tasks.slot", { kind: task.conversation })
      : task.kind === "assignment"
        ? t("start.tasks.assignment", { title: task.title })
        : t("start.tasks.offer");
  return (
    <Link to={task.path} className={linkClass}>
      {label}
    </Link>
  );
}

function MyNetworks({ networks }: { networks: StartPage["networks"] }) {
  const t = useT();
  return (
    <StartCard id="start-networks" title={t("start.networks.title")}>
      {networks.length === 0 ? (
        <div className="mt-2 flex flex-col gap-3">
          <EmptyState>{t("start.networks.none")}</EmptyState>
          <p>
            <LinkButton to="/netwerken">{t("start.networks.find")}</LinkButton>
          </p>
        </div>
      ) : (
        <>
          <ul className="mt-2 flex flex-col divide-y divide-slate-200">
            {networks.map((network) => (
              <li
                key={network.id}
                className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3"
              >
                <div className="min-w-0">
                  <p className="font-semibold">
                    <Link to={`/netwerken/${network.id}`} className={linkClass}>
                      {network.name}
                    </Link>{" "}
                    <span className="text-sm font-normal text-slate-700">
                      ({t(roleLabel[network.role])})
                    </span>
                  </p>
                  <p className="text-sm">
                    {network.unreadTopics ? (
                      <Link to={`/netwerken/${network.id}/discussie`} className={linkClass}>
                        {t("start.networks.unread", { count: network.unreadTopics })}
                      </Link>
                    ) : (
                      <span className="text-slate-700">
                        {t("start.networks.unread", { count: 0 })}
                      </span>
                    )}
                  </p>
                </div>
                <Link
                  to={`/netwerken/${network.id}/discussie#vraag-stellen`}
                  aria-label={t("start.networks.askIn", { network: network.name })}
                  className="rounded-md border border-accent-700 px-3 py-1 text-sm font-medium text-accent-800 hover:bg-accent-50"
                >
                  {t("start.networks.ask")}
                </Link>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm">
            <Link to="/netwerken" className={linkClass}>
              {t("start.networks.all")}
            </Link>
          </p>
        </>
      )}
    </StartCard>
  );
}

function Points({ points }: { points: NonNullable<StartPage["points"]> }) {
  const t = useT();
  const share = Math.min(100, Math.round((points.points / points.required) * 100));
  return (
    <StartCard id="start-points" title={t("start.points.title")} className="flex flex-col gap-2">
      <p className="text-xl font-semibold">
        {t("start.points.progress", { points: points.points, required: points.required })}
      </p>
      <div aria-hidden="true" className="h-3 w-full overflow-hidden rounded-full bg-slate-200">
        <div className="h-full bg-accent-700" style={{ width: `${share}%` }} />
      </div>
      <p>{t("start.points.needed", { needed: points.needed, date: t.date(points.due) })}</p>
      <p className="text-sm text-slate-700">
        {t("start.points.cycleEnd", { date: t.date(points.due) })}
      </p>
      <p>
        <Link to="/herregistratie" className={linkClass}>
          {t("start.points.open")}
        </Link>
      </p>
    </StartCard>
  );
}

function Certificates({ certificates }: { certificates: StartPage["certificates"] }) {
  const t = useT();
  return (
    <StartCard id="start-certificates" title={t("start.certificates.title")}>
      <ul className="mt-2 flex flex-col gap-2">
        {certificates.map((c) => (
          <li key={c.id}>
            <a href={`/certificaten/${c.id}/pdf`} className={linkClass}>
              {t("start.certificates.download", { title: c.title })}
            </a>
            <span className="text-sm text-slate-700">
              {" "}
              · {t("start.certificates.points", { points: c.points })}
            </span>
          </li>
        ))}
      </ul>
    </StartCard>
  );
}

function KnowsAbout({ schools }: { schools: StartPage["schools"] }) {
  const t = useT();
  return (
    <StartCard id="start-knows" title={t("start.knows.title")} className="flex flex-col gap-3">
      {schools.length ? (
        schools.map((school) => (
          <Form
            key={school.id}
            method="get"
            action={`/organisaties/${school.id}/netwerklerend/wie-weet-wat`}
            className="flex flex-wrap items-end gap-2"
          >
            <label className="flex min-w-0 grow flex-col gap-1">
              <span className="text-sm font-medium">
                {t("start.knows.labelAt", { school: school.name })}
              </span>
              <input
                type="search"
                name="q"
                required
                className="w-full rounded-md border border-slate-400 px-3 py-2"
              />
            </label>
            <Button>{t("start.knows.search")}</Button>
          </Form>
        ))
      ) : (
        <>
          <p className="text-sm text-slate-700">{t("start.knows.noSchool")}</p>
          <Form method="get" action="/mensen" className="flex flex-wrap items-end gap-2">
            <label className="flex min-w-0 grow flex-col gap-1">
              <span className="text-sm font-medium">{t("start.knows.label")}</span>
              <input
                type="search"
                name="q"
                required
                className="w-full rounded-md border border-slate-400 px-3 py-2"
              />
            </label>
            <Button>{t("start.knows.people")}</Button>
          </Form>
        </>
      )}
    </StartCard>
  );
}

function BuddyMeeting({ meeting }: { meeting: NonNullable<StartPage["buddyMeeting"]> }) {
  const t = useT();
  return (
    <StartCard id="start-buddy" title={t("start.buddy.title")} className="flex flex-col gap-1">
      <p>{t("start.buddy.next", { network: meeting.networkName })}</p>
      <p className="font-medium">{t.range(meeting.startsAt, meeting.endsAt)}</p>
      {meeting.place ? <p className="break-words text-slate-700">{meeting.place}</p> : null}
      <p>
        <Link to={meeting.path} className={linkClass}>
          {t("start.buddy.open")}
        </Link>
      </p>
    </StartCard>
  );
}
