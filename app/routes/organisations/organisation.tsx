import { getFormProps } from "@conform-to/react";
import { Pencil, Users } from "lucide-react";
import { Form, Link, redirect } from "react-router";
import { orgKindLabel } from "#app/i18n/labels.ts";
import { jobFunctionLabel } from "#app/modules/accounts/components/job-function.ts";
import {
  canDecideWorkplaceRequests,
  canEditOrganisation,
} from "#app/modules/organisations/organisations.policy.ts";
import {
  type OrganisationPageForm,
  organisationPageSchema,
} from "#app/modules/organisations/organisations.schema.ts";
import {
  assertOrganisationRight,
  getOrganisation,
  setOrganisationRole,
  setOrganisationTeam,
  setOrganisationTeamFor,
} from "#app/modules/organisations/organisations.server.ts";
import {
  confirmWorkplace,
  declineWorkplace,
} from "#app/modules/organisations/workplaces.server.ts";
import { Avatar, avatarUrl } from "#app/ui/avatar.tsx";
import { Button, buttonClass, LinkButton } from "#app/ui/button.tsx";
import { ErrorSummary, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { checkedOf, fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, LockNote, Notice, PageHeader } from "#app/ui/layout.tsx";
import { namedTitle } from "#app/ui/page-title.ts";
import { handleIntents } from "../forms.server.ts";
import { withActor, withVisitor } from "../pipeline.server.ts";
import { baseUrl, noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/organisation";

export function meta({ loaderData, matches }: Route.MetaArgs) {
  return namedTitle(matches, loaderData?.organisation.name, "pageTitle.organisation");
}

export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async ({ db, actor }) => {
    // getOrganisation answers an unknown or malformed id with the 404.
    const organisation = await getOrganisation(db, actor, args.params.organisationId);
    const notice = noticeFrom(args.request);
    return {
      organisation,
      isMember: !!actor && !!organisation.people?.some((p) => p.id === actor.userId),
      notice: notices.find((key) => key === notice) ?? null,
    };
  });
}

const notices = [
  "org.saved",
  "org.roleSaved",
  "org.people.teamsSaved",
  "org.requestConfirmed",
  "org.requestDeclined",
] as const;

export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) => {
    const organisationId = args.params.organisationId;
    const back = (notice: string, anchor = "") =>
      redirect(`/organisaties/${organisationId}?melding=${notice}${anchor}`);
    return handleIntents(
      args.request,
      organisationPageSchema,
      {
        confirm: async (input) => {
          await confirmWorkplace(db, actor, organisationId, input, {
            baseUrl: baseUrl(args.request),
          });
          return back("org.requestConfirmed", "#aanvragen");
        },
        decline: async (input) => {
          await declineWorkplace(db, actor, organisationId, input);
          return back("org.requestDeclined", "#aanvragen");
        },
        team: async (input) => {
          await setOrganisationTeam(db, actor, organisationId, input);
          return back("org.roleSaved");
        },
        teams: async (input) => {
          await setOrganisationTeamFor(db, actor, organisationId, input);
          return back("org.people.teamsSaved", "#mensen");
        },
        role: async (input) => {
          await setOrganisationRole(db, actor, organisationId, input);
          return back("org.roleSaved");
        },
      },
      {
        // Rights before the form: who may not keep the school gets the 403, not field errors.
        authorize: (intent) =>
          assertOrganisationRight(
            db,
            actor,
            organisationId,
            intent === "confirm" || intent === "decline"
              ? canDecideWorkplaceRequests
              : canEditOrganisation,
          ),
      },
    );
  });
}

type Person = NonNullable<Route.ComponentProps["loaderData"]["organisation"]["people"]>[number];

export default function Organisation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { organisation: org, isMember } = loaderData;
  const facts = [
    [t("org.brin"), org.brin],
    [t("field.sector"), org.sector],
    [t("field.place"), org.place],
    [t("field.region"), org.regionName],
  ].filter((fact): fact is [string, string] => !!fact[1]);
  const context = [t(orgKindLabel[org.kind]), org.place].filter(Boolean).join(" · ");
  // The viewer's main action: their school's network learning, and for who keeps it, its details.
  const action =
    isMember || org.canEdit ? (
      <>
        {isMember ? (
          // The school's name is the title beside it: on a phone the button says only where to.
          <LinkButton
            to={`/organisaties/${org.id}/netwerklerend`}
            aria-label={t("toolkit.open", { name: org.name })}
          >
            {t("org.toolkit.go")}
          </LinkButton>
        ) : null}
        {org.canEdit ? (
          <LinkButton
            to={`/organisaties/${org.id}/bewerken`}
            variant={isMember ? "secondary" : "primary"}
            icon={<Pencil aria-hidden className="size-4" />}
          >
            {t("org.edit")}
          </LinkButton>
        ) : null}
      </>
    ) : null;
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={org.name}
        context={context}
        action={action}
        intro={
          org.board ? (
            <>
              {t("org.boardOf")}{" "}
              <Link to={`/organisaties/${org.board.id}`} className="text-accent-700 underline">
                {org.board.name}
              </Link>
            </>
          ) : undefined
        }
      >
        {isMember ? <p className="max-w-2xl text-slate-700">{t("toolkit.intro")}</p> : null}
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      {facts.length || (org.canEdit && org.kind === "school") ? (
        <Card>
          {facts.length ? (
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
              {facts.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="font-medium text-slate-700">{label}</dt>
                  <dd className="min-w-0 break-words">{value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {org.canEdit && org.kind === "school" ? (
            <p className={facts.length ? "mt-3" : ""}>
              <Link
                to={`/organisaties/${org.id}/inlogdomeinen`}
                className="text-accent-700 underline"
              >
                {t("loginDomains.manage")}
              </Link>
            </p>
          ) : null}
        </Card>
      ) : null}
      {org.myRequest ? <Notice>{t("workplace.myRequest")}</Notice> : null}
      {org.requests ? (
        <Card>
          <h2 id="aanvragen" className="text-lg font-semibold">
            {t("org.requests")}
          </h2>
          {org.requests.length === 0 ? (
            <EmptyState>{t("org.requests.empty")}</EmptyState>
          ) : (
            <>
              <p className="text-slate-700">{t("org.requests.intro")}</p>
              <ul className="mt-3 flex flex-col gap-3">
                {org.requests.map((person) => (
                  <li key={person.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <span className="min-w-0 break-words">
                      <Link to={`/mensen/${person.id}`} className="text-accent-700 underline">
                        {person.name}
                      </Link>{" "}
                      ({person.email})
                      {jobFunctionLabel(t, person) ? ` — ${jobFunctionLabel(t, person)}` : ""}
                      <span className="ml-2 text-sm text-slate-700">
                        {t("org.requests.since", { date: t.date(person.requestedAt) })}
                      </span>
                    </span>
                    <Form method="post" className="inline-flex gap-2">
                      <input type="hidden" name="userId" value={person.id} />
                      <Button
                        size="sm"
                        name="intent"
                        value="confirm"
                        aria-label={`${t("org.requests.confirm")}: ${person.name}`}
                      >
                        {t("org.requests.confirm")}
                      </Button>
                      <Button
                        size="sm"
                        variant="secondary"
                        name="intent"
                        value="decline"
                        aria-label={`${t("org.requests.decline")}: ${person.name}`}
                      >
                        {t("org.requests.decline")}
                      </Button>
                    </Form>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
      ) : null}
      {org.kind === "board" ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("org.schools")}</h2>
          {org.schools.length ? (
            <ul className="mt-2 flex flex-col gap-1">
              {org.schools.map((school) => (
                <li key={school.id}>
                  <Link to={`/organisaties/${school.id}`} className="text-accent-700 underline">
                    {school.name}
                  </Link>
                  {school.place ? `, ${school.place}` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>{t("org.schools.empty")}</EmptyState>
          )}
        </Card>
      ) : null}
      <Card>
        <h2 id="mensen" className="flex items-center gap-2 text-lg font-semibold">
          <Users aria-hidden className="size-5 text-accent-700" />
          {t("org.people")}
          {org.people?.length ? (
            <span className="text-base font-normal text-slate-700">
              ({t("org.people.count", { count: org.people.length })})
            </span>
          ) : null}
        </h2>
        {org.people === null ? (
          <p className="mt-2">
            <Link
              to={`/inloggen?terug=/organisaties/${org.id}`}
              className="text-accent-700 underline"
            >
              {t("org.people.loginToSee")}
            </Link>
          </p>
        ) : org.people.length === 0 ? (
          <EmptyState>{t("org.people.empty")}</EmptyState>
        ) : (
          <>
            <div className="mt-1">
              <LockNote>{t("profile.visibility")}</LockNote>
            </div>
            <PeopleTable people={org.people} canEdit={org.canEdit} actionData={actionData} />
          </>
        )}
      </Card>
    </div>
  );
}

const bulkFormId = "team-bulk";

/**
 * The school's people as a table; below `sm` each row is a card (the header row only for screen
 * readers), so a phone never scrolls sideways. Who keeps the school ticks people and sets their
 * team in one go (the form under the table: the boxes join it by their `form` attribute, since
 * each row also has its own small forms and forms cannot nest).
 */
function PeopleTable({
  people,
  canEdit,
  actionData,
}: {
  people: Person[];
  canEdit: boolean;
  actionData: unknown;
}) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<OrganisationPageForm, { intent: "teams" }>>(
    "teams",
    actionData,
    { id: bulkFormId },
  );
  const ticked = new Set(checkedOf(fields.userIds));
  const selectionError = fields.userIds.errors?.[0];
  const cell = "max-sm:block sm:p-2 sm:align-middle";
  return (
    <>
      <table className="mt-3 w-full text-left max-sm:block">
        <caption className="sr-only">{t("org.people")}</caption>
        <thead className="border-b border-slate-300 text-sm max-sm:sr-only">
          <tr>
            {canEdit ? (
              <th scope="col" className="w-10 p-2">
                <span className="sr-only">{t("org.people.col.select")}</span>
              </th>
            ) : null}
            <th scope="col" className="p-2">
              {t("org.people.col.name")}
            </th>
            <th scope="col" className="p-2">
              {t("org.people.col.function")}
            </th>
            <th scope="col" className="p-2">
              {t("org.people.col.team")}
            </th>
            <th scope="col" className="p-2">
              {t("org.people.col.since")}
            </th>
            {canEdit ? (
              <th scope="col" className="p-2">
                <span className="sr-only">{t("org.people.editTeam")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="max-sm:flex max-sm:flex-col max-sm:gap-3">
          {people.map((person) => {
            const job = jobFunctionLabel(t, person);
            return (
              <tr
                key={person.id}
                className="border-slate-200 sm:border-b max-sm:relative max-sm:flex max-sm:flex-col max-sm:gap-1 max-sm:rounded-md max-sm:border max-sm:p-3 max-sm:pl-12"
              >
                {canEdit ? (
                  <td className="max-sm:absolute max-sm:top-3 max-sm:left-3 sm:p-2 sm:align-middle">
                    <input
                      type="checkbox"
                      name="userIds"
                      value={person.id}
                      form={bulkFormId}
                      defaultChecked={ticked.has(person.id)}
                      aria-label={t("org.people.select", { name: person.name })}
                      aria-describedby={selectionError ? "userIds-error" : undefined}
                      className="size-5 accent-accent-700 max-sm:mt-2"
                    />
                  </td>
                ) : null}
                <th scope="row" className={`font-normal ${cell}`}>
                  <span className="flex min-w-0 items-center gap-2">
                    <Avatar
                      id={person.id}
                      name={person.name}
                      photoUrl={avatarUrl(person.id, person.avatarFileId)}
                    />
                    <Link
                      to={`/mensen/${person.id}`}
                      className="min-w-0 break-words font-medium text-accent-700 underline"
                    >
                      {person.name}
                    </Link>
                  </span>
                </th>
                <td className={`text-slate-800 ${cell}`}>{job ?? ""}</td>
                <td className={cell}>
                  <span className="flex flex-wrap gap-x-2 text-sm">
                    {person.team ? (
                      <span className="break-words">{person.team}</span>
                    ) : (
                      <span className="text-slate-600">{t("org.people.noTeam")}</span>
                    )}
                    {person.role === "admin" ? (
                      <span className="rounded-full bg-accent-50 px-2 text-accent-800">
                        {t("org.admin")}
                      </span>
                    ) : null}
                  </span>
                </td>
                <td className={`text-sm text-slate-700 ${cell}`}>
                  <span className="sm:hidden">
                    {t("org.people.since", { date: t.date(person.since) })}
                  </span>
                  <span className="max-sm:hidden">{t.date(person.since)}</span>
                </td>
                {canEdit ? (
                  <td className={cell}>
                    <PersonActions person={person} actionData={actionData} />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {canEdit ? (
        <Form
          method="post"
          {...getFormProps(form)}
          className="mt-4 flex flex-col gap-3 rounded-md bg-slate-50 p-3 sm:p-4"
          aria-labelledby={`${bulkFormId}-title`}
        >
          <h3 id={`${bulkFormId}-title`} className="font-semibold">
            {t("org.people.bulk.title")}
          </h3>
          <p className="text-sm text-slate-700">{t("org.people.bulk.intro")}</p>
          <input type="hidden" name="intent" value="teams" />
          <ErrorSummary errors={fieldErrorsOf(form)} />
          {selectionError ? (
            <p id="userIds-error" className="text-sm font-medium text-red-700">
              {t.error(selectionError)}
            </p>
          ) : null}
          <div className="flex flex-wrap items-end gap-3">
            <div className="min-w-0 grow sm:max-w-sm">
              <TextField
                {...fieldProps(fields.team)}
                id="bulk-team"
                label={t("org.people.bulk.team")}
              />
            </div>
            <Button variant="secondary">{t("org.people.bulk.submit")}</Button>
          </div>
        </Form>
      ) : null}
    </>
  );
}

/** A row's own actions: admin or not, and that one person's team (behind a disclosure). */
function PersonActions({ person, actionData }: { person: Person; actionData: unknown }) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<OrganisationPageForm, { intent: "team" }>>(
    "team",
    actionData,
    {
      id: `team-form-${person.id}`,
      target: { field: "userId", value: person.id },
      defaultValue: { team: person.team ?? "" },
    },
  );
  const adminLabel = person.role === "admin" ? t("org.removeAdmin") : t("org.makeAdmin");
  return (
    <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
      <Form method="post">
        <input type="hidden" name="intent" value="role" />
        <input type="hidden" name="userId" value={person.id} />
        <input type="hidden" name="role" value={person.role === "admin" ? "member" : "admin"} />
        <Button variant="quiet" size="sm" aria-label={`${adminLabel}: ${person.name}`}>
          {adminLabel}
        </Button>
      </Form>
      {/* Open again after a refused save, with what was typed. */}
      <details open={!!fields.team.errors?.length} className="group min-w-0">
        <summary
          className={`${buttonClass("quiet", "sm")} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}
          aria-label={t("org.people.editTeam.label", { name: person.name })}
        >
          {t("org.people.editTeam")}
        </summary>
        <Form method="post" {...getFormProps(form)} className="mt-2 flex flex-col gap-2">
          <input type="hidden" name="intent" value="team" />
          <input type="hidden" name="userId" value={person.id} />
          <TextField
            {...fieldProps(fields.team)}
            id={`team-${person.id}`}
            label={t("org.team", { name: person.name })}
          />
          <div>
            <Button variant="secondary" size="sm">
              {t("org.saveTeam")}
            </Button>
          </div>
        </Form>
      </details>
    </div>
  );
}
