import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import { jobFunctionLabel } from "#app/modules/accounts/components/job-function.ts";
import { getStudyLoad } from "#app/modules/courses/courses.server.ts";
import { getMyStanding, leave } from "#app/modules/memberships/enrolment.server.ts";
import { assertCanNominate, nominate } from "#app/modules/memberships/intake.server.ts";
import {
  type NetworkPageForm,
  networkPageSchema,
} from "#app/modules/memberships/memberships.schema.ts";
import { acceptOffer } from "#app/modules/memberships/waiting-list.server.ts";
import {
  ClosedNote,
  PhaseSteps,
  RoutesOverview,
  StateBadge,
} from "#app/modules/networks/components/network-bits.tsx";
import { durationText } from "#app/modules/networks/duration.ts";
import { isCoordinatorFor, isNetworkGuide } from "#app/modules/networks/networks.policy.ts";
import {
  adoptIntoProgramme,
  coordinatedProgrammes,
  getNetwork,
} from "#app/modules/networks/networks.server.ts";
import {
  facilitationStatus,
  recordFacilitatedMeeting,
  setContinuation,
} from "#app/modules/networks/support.server.ts";
import { ErrorSummary, SubmitButton, TextAreaField, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, formErrorOf, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, Notice, Tag } from "#app/ui/layout.tsx";
import { handleIntents } from "../forms.server.ts";
import { withNetwork, withNetworkActor } from "../pipeline.server.ts";
import { baseUrl, noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/network";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `${loaderData?.view.network.name ?? "Netwerk"} — Knooppunt` }];
}

export async function loader(args: Route.LoaderArgs) {
  return withNetwork(args, async ({ db, actor, network: authorized }) => {
    // No expireOffers here: a GET (even a visitor's) must not move places and send mails. Lapsed
    // offers pass on in the hourly housekeeping; until then acceptOffer refuses an expired one.
    const view = await getNetwork(db, authorized);
    const networkId = authorized.id;
    const [standing, adoptable, facilitation, studyLoad] = await Promise.all([
      getMyStanding(db, actor, networkId),
      view.network.programmeId ? [] : coordinatedProgrammes(db, actor),
      facilitationStatus(db, view.network),
      view.network.kind === "course" ? getStudyLoad(db, view.network.id) : null,
    ]);
    return {
      view,
      standing,
      adoptable,
      facilitation,
      studyLoad,
      signedIn: !!actor,
      // The coordinator of the network's programme and region: the one who counts its meetings.
      isCoordinator:
        !!actor &&
        (actor.isPlatformAdmin ||
          isCoordinatorFor(actor, view.network.programmeId, view.network.regionId)),
      notice: noticeFrom(args.request),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withNetworkActor(args, async ({ db, actor, network }) => {
    const mail = { baseUrl: baseUrl(args.request) };
    const networkId = network.id;
    const back = (notice: string) => redirect(`/netwerken/${networkId}?melding=${notice}`);
    return handleIntents(
      args.request,
      networkPageSchema,
      {
        nominate: async (form) => {
          await nominate(db, actor, networkId, form, mail);
          return back("net.page.nominated.done");
        },
        leave: async () => {
          await leave(db, actor, networkId, mail);
          return back("net.page.left");
        },
        accept: async () => {
          await acceptOffer(db, actor, networkId);
          return back("net.page.accepted");
        },
        adopt: async ({ programmeId }) => {
          await adoptIntoProgramme(db, actor, networkId, programmeId);
          return back("net.edit.saved");
        },
        "record-facilitated": async () => {
          await recordFacilitatedMeeting(db, actor, networkId);
          return back("net.edit.saved");
        },
        continuation: async ({ continuation }) => {
          await setContinuation(db, actor, networkId, continuation);
          return back("net.edit.saved");
        },
      },
      {
        // Rights before the form: without a nomination form on the page its errors would be unseen.
        authorize: (intent) =>
          intent === "nominate" ? assertCanNominate(db, actor, networkId) : undefined,
      },
    );
  });
}

/** Links into the network's own work: for members, and for the people who run it. */
function Workspace({ loaderData }: { loaderData: Route.ComponentProps["loaderData"] }) {
  const t = useT();
  const { view } = loaderData;
  const roles = view.access.myRoles;
  const isMember = roles.length > 0;
  const guides = isNetworkGuide(view.access);
  if (!isMember && !view.canManage) return null;
  const base = `/netwerken/${view.network.id}`;
  const links: [string, string][] = [[`${base}/bijeenkomsten`, t("net.page.meetings")]];
  if (isMember)
    links.push(
      [`${base}/discussie`, t("discussion.title")],
      [`${base}/maatjes`, t("net.page.buddies")],
      [`${base}/intervisie`, t("intervision.title")],
      [`${base}/netwerklerend`, t("toolkit.title")],
      [`${base}/leervraag`, t("net.page.myQuestion")],
    );
  else if (view.canManage)
    links.push([`${base}/discussie/levendigheid`, t("discussion.metrics.title")]);
  if (roles.includes("deelnemer")) links.push([`${base}/mijn-route`, t("net.page.myRoute")]);
  if (guides || view.canManage) links.push([`${base}/voortgang`, t("net.page.progress")]);
  if (guides) links.push([`${base}/leervragen`, t("net.page.questions")]);
  if (view.canManage) links.push([`${base}/certificaten`, t("net.page.certificates")]);
  if (view.canManage) links.push([`${base}/vragenlijsten`, t("net.page.surveys")]);
  links.push([`${base}/peilingen`, t("net.page.polls")]);
  if (isMember || view.canManage) links.push([`${base}/oogst`, t("net.page.harvest")]);
  if (isMember)
    links.push([`${base}/actieplannen`, t("net.page.plans")], ["/zelfscan", t("selfscan.title")]);
  if (isMember && view.network.kind === "course") {
    links.push([`${base}/leergang`, t("net.page.course")]);
  }
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("net.page.workspace")}</h2>
      <ul className="mt-2 flex flex-wrap gap-3">
        {links.map(([to, label]) => (
          <li key={to}>
            <Link to={to} className="text-accent-700 underline">
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Standing({ loaderData }: { loaderData: Route.ComponentProps["loaderData"] }) {
  const t = useT();
  const { view, standing } = loaderData;
  const membership = standing?.membership;
  const waiting = standing?.waiting;
  if (membership?.status === "active") {
    return (
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <p className="font-medium">
          {t("net.page.youAreMember", { role: t(`role.${membership.role}`) })}
        </p>
        <input type="hidden" name="intent" value="leave" />
        <SubmitButton variant="secondary">{t("net.page.leave")}</SubmitButton>
      </Form>
    );
  }
  if (membership?.status === "awaiting-intake")
    return <Notice>{t("net.page.awaitingIntake")}</Notice>;
  if (waiting?.status === "offered" && waiting.offerExpiresAt) {
    return (
      <Form method="post" className="flex flex-col gap-3">
        <Notice tone="success">
          {t("net.page.offered", { date: t.dateTime(waiting.offerExpiresAt) })}
        </Notice>
        <input type="hidden" name="intent" value="accept" />
        <div>
          <SubmitButton>{t("net.page.acceptOffer")}</SubmitButton>
        </div>
      </Form>
    );
  }
  if (waiting) {
    return (
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <p className="font-medium">
          {t("net.page.waiting", { position: standing?.position ?? 1 })}
        </p>
        <input type="hidden" name="intent" value="leave" />
        <SubmitButton variant="secondary">{t("net.page.withdraw")}</SubmitButton>
      </Form>
    );
  }
  if (!view.joinable) return <p className="font-medium">{t("net.joinable.no")}</p>;
  const full = view.memberCount >= view.network.capacity;
  const to = loaderData.signedIn
    ? `/netwerken/${view.network.id}/aanmelden`
    : `/inloggen?terug=/netwerken/${view.network.id}/aanmelden`;
  return (
    <div className="flex flex-col gap-2">
      {membership?.status === "nominated" ? <Notice>{t("net.page.nominated")}</Notice> : null}
      <p>{full ? t("net.joinable.waiting") : t("net.joinable.yes")}</p>
      <div>
        <Link
          to={to}
          className="inline-block rounded-md bg-accent-700 px-4 py-2 font-medium text-white hover:bg-accent-800"
        >
          {full ? t("net.page.joinWaiting") : t("net.page.join")}
        </Link>
      </div>
    </div>
  );
}

export default function NetworkPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { view, facilitation } = loaderData;
  const { network } = view;
  const formError = formErrorOf(actionData);
  const facts = [
    [
      t("net.field.sectors"),
      [...network.sectors, ...network.targetFunctions.map((f) => t(`jobFunction.${f}`))].join(", "),
    ],
    [t("net.field.region"), view.region?.name],
    [t("net.field.form"), t(`net.form.${network.form}`)],
    [t("net.field.meetingPattern"), network.meetingPattern],
    [
      t("net.field.capacity"),
      t("net.size", { count: view.memberCount, capacity: network.capacity }),
    ],
    [t("net.field.startDate"), network.startDate ? t.date(network.startDate) : null],
    [t("net.field.endDate"), network.endDate ? t.date(network.endDate) : null],
    [t("net.field.durationMonths"), durationText(t, network)],
    [t("net.field.facilitator"), network.facilitatorNote],
    [t("net.field.costsNote"), network.costsNote],
    [
      t("course.studyLoad"),
      loaderData.studyLoad
        ? t("course.studyLoad.summary", {
            days: loaderData.studyLoad.contactDays,
            contact: loaderData.studyLoad.contactHours,
            self: loaderData.studyLoad.selfStudyHours,
            total: loaderData.studyLoad.totalHours,
          })
        : "",
    ],
    [t("net.page.programme"), view.programme?.name ?? t("net.page.noProgramme")],
    [t("net.field.joinMode"), t(`net.joinMode.${network.joinMode}`)],
  ].filter((fact): fact is [string, string] => !!fact[1]);
  return (
    <div className="flex flex-col gap-4">
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <ErrorSummary errors={formError ? { form: formError } : undefined} />
      <Card>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-bold sm:text-3xl">{network.name}</h1>
          <StateBadge status={network.status} openness={network.openness} />
          {network.kind === "course" ? <Tag>{t("net.kind.course")}</Tag> : null}
        </div>
        {network.openness === "closed" ? (
          <div className="mt-2">
            <ClosedNote />
          </div>
        ) : null}
        <h2 className="mt-4 text-lg font-semibold">{t("net.page.question")}</h2>
        <p className="whitespace-pre-line">{network.question}</p>
        {network.description ? (
          <p className="mt-2 whitespace-pre-line text-slate-800">{network.description}</p>
        ) : null}
        {network.themes.length ? (
          <ul className="mt-3 flex flex-wrap gap-1" aria-label={t("net.field.themes")}>
            {network.themes.map((theme) => (
              <li key={theme}>
                <Link to={`/netwerken?thema=${encodeURIComponent(theme)}`}>
                  <Tag>{theme}</Tag>
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="mt-4 border-t border-slate-200 pt-4">
          <Standing loaderData={loaderData} />
        </div>
      </Card>

      <Workspace loaderData={loaderData} />

      {view.canManage ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("net.page.manage")}</h2>
          <ul className="mt-2 flex flex-wrap gap-3">
            <li>
              <Link to={`/netwerken/${network.id}/bewerken`} className="text-accent-700 underline">
                {t("net.page.edit")}
              </Link>
            </li>
            <li>
              <Link to={`/netwerken/${network.id}/routes`} className="text-accent-700 underline">
                {t("net.page.editRoutes")}
              </Link>
            </li>
            <li>
              <Link to={`/netwerken/${network.id}/leden`} className="text-accent-700 underline">
                {t("net.page.membership")}
              </Link>
            </li>
            <li>
              <Link
                to={`/netwerken/${network.id}/ondersteuning`}
                className="text-accent-700 underline"
              >
                {t("net.page.support")}
              </Link>
            </li>
          </ul>
        </Card>
      ) : null}

      {loaderData.adoptable.length ? (
        <Card>
          <ul className="flex flex-wrap gap-3">
            {loaderData.adoptable.map((programme) => (
              <li key={programme.id}>
                <Form method="post">
                  <input type="hidden" name="intent" value="adopt" />
                  <input type="hidden" name="programmeId" value={programme.id} />
                  <SubmitButton variant="secondary">
                    {t("net.page.adopt", { programme: programme.name })}
                  </SubmitButton>
                </Form>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {facilitation ? (
        <Card>
          <p className="font-medium">
            {t("net.page.facilitation", { held: facilitation.held, limit: facilitation.limit })}
          </p>
          <progress
            max={facilitation.limit}
            value={Math.min(facilitation.held, facilitation.limit)}
            className="mt-2 w-full"
            aria-label={t("net.page.facilitation", {
              held: facilitation.held,
              limit: facilitation.limit,
            })}
          />
          {loaderData.isCoordinator && !facilitation.selfDirected ? (
            <Form method="post" className="mt-2">
              <input type="hidden" name="intent" value="record-facilitated" />
              <SubmitButton variant="secondary">{t("net.page.facilitation.record")}</SubmitButton>
            </Form>
          ) : null}
          {facilitation.selfDirected ? (
            <div className="mt-3 flex flex-col gap-2">
              <p>{t("net.page.selfDirected", { limit: facilitation.limit })}</p>
              {network.continuation ? (
                <p className="font-medium">
                  {t("net.continuation.current", {
                    choice: t(`net.continuation.${network.continuation}`),
                  })}
                </p>
              ) : null}
              {!network.continuation && !view.canManage ? <p>{t("net.continuation.who")}</p> : null}
              {view.canManage ? (
                <Form method="post" className="flex flex-wrap items-end gap-3">
                  <input type="hidden" name="intent" value="continuation" />
                  <fieldset className="flex flex-wrap gap-3">
                    <legend className="sr-only">
                      {t("net.page.selfDirected", { limit: facilitation.limit })}
                    </legend>
                    {(["continues", "intends", "stops"] as const).map((choice) => (
                      <label key={choice} className="flex items-center gap-2">
                        <input
                          type="radio"
                          name="continuation"
                          value={choice}
                          defaultChecked={network.continuation === choice}
                          required
                        />
                        {t(`net.continuation.${choice}`)}
                      </label>
                    ))}
                  </fieldset>
                  <SubmitButton variant="secondary">{t("net.continuation.save")}</SubmitButton>
                </Form>
              ) : null}
            </div>
          ) : null}
        </Card>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="text-lg font-semibold">{t("net.page.facts")}</h2>
          <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-medium text-slate-700">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">{t("net.page.phase")}</h2>
          <div className="mt-2">
            <PhaseSteps phase={network.phase} />
          </div>
          {view.phaseChanges.length ? (
            <>
              <h3 className="mt-4 font-semibold">{t("net.page.phaseHistory")}</h3>
              <ol className="mt-1 flex flex-col gap-1 text-sm">
                {view.phaseChanges.map((change) => (
                  <li key={`${change.changedAt.toString()}-${change.phase}`}>
                    <span className="font-medium">
                      {t.date(change.changedAt)} — {t(`phase.${change.phase}`)}:
                    </span>{" "}
                    {change.note}
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </Card>
      </div>

      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("net.page.routes")}</h2>
        <RoutesOverview routes={view.routes} steps={view.steps} />
      </Card>

      <Card>
        <h2 className="text-lg font-semibold">{t("net.page.members")}</h2>
        {view.members === null ? (
          loaderData.signedIn ? (
            <div className="mt-2">
              <ClosedNote />
            </div>
          ) : (
            <p className="mt-2">
              <Link
                to={`/inloggen?terug=/netwerken/${network.id}`}
                className="text-accent-700 underline"
              >
                {t("net.page.membersLogin")}
              </Link>
            </p>
          )
        ) : (
          <ul className="mt-2 grid gap-1 sm:grid-cols-2">
            {view.members.map((member) => (
              <li key={member.userId}>
                <Link to={`/mensen/${member.userId}`} className="text-accent-700 underline">
                  {member.name}
                </Link>
                {member.role !== "deelnemer" ? (
                  <span className="ml-1 text-sm">({t(`role.${member.role}`)})</span>
                ) : null}
                <span className="block text-sm text-slate-700">
                  {[jobFunctionLabel(t, member), member.schoolName].filter(Boolean).join(", ")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>

      {network.joinMode === "nomination" && view.access.myRoles.length > 0 ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("net.page.nominate")}</h2>
          <p className="text-sm text-slate-700">{t("net.page.nominate.hint")}</p>
          <NominationForm actionData={actionData} />
        </Card>
      ) : null}
    </div>
  );
}

function NominationForm({ actionData }: { actionData: unknown }) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<NetworkPageForm, { intent: "nominate" }>>(
    "nominate",
    actionData,
  );
  return (
    <Form method="post" {...getFormProps(form)} className="mt-3 flex flex-col gap-3">
      <input type="hidden" name="intent" value="nominate" />
      <ErrorSummary errors={fieldErrorsOf(form)} />
      <TextField type="email" label={t("net.page.nominate.email")} {...fieldProps(fields.email)} />
      <TextAreaField label={t("net.page.nominate.note")} rows={2} {...fieldProps(fields.note)} />
      <div>
        <SubmitButton>{t("net.page.nominate.submit")}</SubmitButton>
      </div>
    </Form>
  );
}
