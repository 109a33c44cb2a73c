import { Form, Link, redirect } from "react-router";
import {
  jobFunctionName,
  labelFor,
  netFormLabel,
  netJoinModeLabel,
  phaseLabel,
  roleLabel,
} from "#app/i18n/labels.ts";
import { jobFunctionLabel } from "#app/modules/accounts/components/job-function.ts";
import { getStudyLoad } from "#app/modules/courses/courses.server.ts";
import { NominationCard } from "#app/modules/memberships/components/nomination-form.tsx";
import { Standing, StandingAction } from "#app/modules/memberships/components/standing.tsx";
import { getMyStanding, leave } from "#app/modules/memberships/enrolment.server.ts";
import { nominate, requireCanNominate } from "#app/modules/memberships/intake.server.ts";
import { networkPageSchema } from "#app/modules/memberships/memberships.schema.ts";
import { acceptOffer } from "#app/modules/memberships/waiting-list.server.ts";
import { FacilitationCard } from "#app/modules/networks/components/facilitation.tsx";
import {
  ClosedNote,
  type Fact,
  FactList,
  networkContext,
  PhaseSteps,
  RoutesOverview,
} from "#app/modules/networks/components/network-bits.tsx";
import { durationText } from "#app/modules/networks/duration.ts";
import { isCoordinatorFor } from "#app/modules/networks/networks.policy.ts";
import {
  adoptIntoProgramme,
  coordinatedProgrammes,
  getNetwork,
  membersPerPage,
} from "#app/modules/networks/networks.server.ts";
import {
  facilitationStatus,
  recordFacilitatedMeeting,
  setContinuation,
} from "#app/modules/networks/support.server.ts";
import { pageFrom } from "#app/platform/paging.ts";
import { ErrorSummary, SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { formErrorOf } from "#app/ui/intent-form.ts";
import { Card, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { namedTitle } from "#app/ui/page-title.ts";
import { Pagination } from "#app/ui/pagination.tsx";
import { handleIntents } from "../forms.server.ts";
import { withNetwork, withNetworkActor } from "../pipeline.server.ts";
import { baseUrl, noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/network";

export function meta({ loaderData, matches }: Route.MetaArgs) {
  return namedTitle(matches, loaderData?.view.network.name, "pageTitle.network");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetwork(args, async ({ db, actor, network: authorized }) => {
    // No expireOffers here: a GET (even a visitor's) must not move places and send mails. Lapsed
    // offers pass on in the hourly housekeeping; until then acceptOffer refuses an expired one.
    const [view, standing, adoptable, studyLoad] = await Promise.all([
      getNetwork(db, authorized, pageFrom(new URL(args.request.url), membersPerPage)),
      getMyStanding(db, authorized),
      authorized.network.programmeId ? [] : coordinatedProgrammes(db, actor),
      authorized.network.kind === "course" ? getStudyLoad(db, authorized.id) : null,
    ]);
    return {
      view,
      standing,
      adoptable,
      facilitation: facilitationStatus(view.network, view.programme),
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
  return withNetworkActor(args, async ({ db, network }) => {
    const mail = { baseUrl: baseUrl(args.request) };
    const networkId = network.id;
    const back = (notice: string) => redirect(`/netwerken/${networkId}?melding=${notice}`);
    return handleIntents(
      args.request,
      networkPageSchema,
      {
        nominate: async (form) => {
          await nominate(db, network, form, mail);
          return back("net.page.nominated.done");
        },
        leave: async () => {
          await leave(db, network, mail);
          return back("net.page.left");
        },
        accept: async () => {
          await acceptOffer(db, network);
          return back("net.page.accepted");
        },
        adopt: async ({ programmeId }) => {
          await adoptIntoProgramme(db, network, programmeId);
          return back("net.edit.saved");
        },
        "record-facilitated": async () => {
          await recordFacilitatedMeeting(db, network);
          return back("net.edit.saved");
        },
        continuation: async ({ continuation }) => {
          await setContinuation(db, network, continuation);
          return back("net.edit.saved");
        },
      },
      {
        // Rights before the form: without a nomination form on the page its errors would be unseen.
        authorize: (intent) => (intent === "nominate" ? requireCanNominate(network) : undefined),
      },
    );
  });
}

export default function NetworkPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { view, facilitation } = loaderData;
  const { network } = view;
  const formError = formErrorOf(actionData);
  const facts: Fact[] = [
    { term: t("net.fact.sectors"), value: network.sectors.join(", ") },
    {
      term: t("net.fact.functions"),
      value: network.targetFunctions.map((f) => t(labelFor(jobFunctionName, f))).join(", "),
    },
    { term: t("net.fact.region"), value: view.region?.name },
    { term: t("net.fact.form"), value: t(netFormLabel[network.form]) },
    { term: t("net.fact.rhythm"), value: network.meetingPattern },
    {
      term: t("net.fact.places"),
      value: t("net.size", { count: view.memberCount, capacity: network.capacity }),
    },
    { term: t("net.fact.start"), value: network.startDate ? t.date(network.startDate) : null },
    { term: t("net.fact.end"), value: network.endDate ? t.date(network.endDate) : null },
    { term: t("net.fact.duration"), value: durationText(t, network) },
    { term: t("net.fact.facilitator"), value: network.facilitatorNote },
    { term: t("net.fact.costs"), value: network.costsNote },
    {
      term: t("course.studyLoad"),
      value: loaderData.studyLoad
        ? t("course.studyLoad.summary", {
            days: loaderData.studyLoad.contactDays,
            contact: loaderData.studyLoad.contactHours,
            self: loaderData.studyLoad.selfStudyHours,
            total: loaderData.studyLoad.totalHours,
          })
        : null,
    },
    {
      term: t("net.fact.programme"),
      value: view.programme?.name ?? t("net.page.noProgramme"),
    },
    { term: t("net.fact.joinMode"), value: t(netJoinModeLabel[network.joinMode]) },
  ];
  const standingProps = {
    standing: loaderData.standing,
    network,
    memberCount: view.memberCount,
    joinable: view.joinable,
    signedIn: loaderData.signedIn,
  };
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        context={networkContext(t, network)}
        title={network.name}
        action={<StandingAction {...standingProps} />}
      />
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <ErrorSummary errors={formError ? { form: formError } : undefined} />
      <Card>
        {network.openness === "closed" ? (
          <div className="mb-3">
            <ClosedNote />
          </div>
        ) : null}
        <h2 className="text-lg font-semibold">{t("net.page.question")}</h2>
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
          <Standing {...standingProps} />
        </div>
      </Card>

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
        <FacilitationCard
          facilitation={facilitation}
          continuation={network.continuation}
          canManage={view.canManage}
          isCoordinator={loaderData.isCoordinator}
        />
      ) : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="text-lg font-semibold">{t("net.page.facts")}</h2>
          <div className="mt-2">
            <FactList facts={facts} />
          </div>
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
                      {t.date(change.changedAt)} — {t(phaseLabel[change.phase])}:
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
                  <span className="ml-1 text-sm">({t(roleLabel[member.role])})</span>
                ) : null}
                <span className="block text-sm text-slate-700">
                  {[jobFunctionLabel(t, member), member.schoolName].filter(Boolean).join(", ")}
                </span>
              </li>
            ))}
          </ul>
        )}
        {view.memberPager ? <Pagination {...view.memberPager} /> : null}
      </Card>

      {network.joinMode === "nomination" && view.access.myRoles.length > 0 ? (
        <NominationCard actionData={actionData} />
      ) : null}
    </div>
  );
}
