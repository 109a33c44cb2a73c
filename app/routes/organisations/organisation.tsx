import { getFormProps } from "@conform-to/react";
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
} from "#app/modules/organisations/organisations.server.ts";
import {
  confirmWorkplace,
  declineWorkplace,
} from "#app/modules/organisations/workplaces.server.ts";
import { SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, LockNote, Notice } from "#app/ui/layout.tsx";
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

export default function Organisation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { organisation: org } = loaderData;
  const facts = [
    [t("org.brin"), org.brin],
    [t("field.sector"), org.sector],
    [t("field.place"), org.place],
    [t("field.region"), org.regionName],
  ].filter((fact): fact is [string, string] => !!fact[1]);
  return (
    <div className="flex flex-col gap-4">
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <Card>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <p className="text-sm uppercase tracking-wide text-slate-600">
              {t(orgKindLabel[org.kind])}
            </p>
            <h1 className="text-2xl font-bold">{org.name}</h1>
            {org.board ? (
              <p className="text-slate-700">
                {t("org.boardOf")}{" "}
                <Link to={`/organisaties/${org.board.id}`} className="text-accent-700 underline">
                  {org.board.name}
                </Link>
              </p>
            ) : null}
          </div>
          {org.canEdit ? (
            <Link
              to={`/organisaties/${org.id}/bewerken`}
              className="rounded-md border border-slate-400 px-3 py-1 text-slate-900"
            >
              {t("org.edit")}
            </Link>
          ) : null}
        </div>
        {org.canEdit && org.kind === "school" ? (
          <p className="mt-2">
            <Link
              to={`/organisaties/${org.id}/inlogdomeinen`}
              className="text-accent-700 underline"
            >
              {t("loginDomains.manage")}
            </Link>
          </p>
        ) : null}
        {facts.length ? (
          <dl className="mt-4 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-medium text-slate-700">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </Card>
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
                    <span>
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
                      <button
                        type="submit"
                        name="intent"
                        value="confirm"
                        aria-label={`${t("org.requests.confirm")}: ${person.name}`}
                        className="rounded-md bg-accent-700 px-3 py-1 font-medium text-white hover:bg-accent-800"
                      >
                        {t("org.requests.confirm")}
                      </button>
                      <button
                        type="submit"
                        name="intent"
                        value="decline"
                        aria-label={`${t("org.requests.decline")}: ${person.name}`}
                        className="rounded-md border border-slate-400 bg-white px-3 py-1 font-medium text-slate-900 hover:bg-slate-100"
                      >
                        {t("org.requests.decline")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
      ) : null}
      {loaderData.isMember ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("toolkit.title")}</h2>
          <p className="text-slate-700">{t("toolkit.intro")}</p>
          <Link
            to={`/organisaties/${org.id}/netwerklerend`}
            className="mt-2 inline-block text-accent-700 underline"
          >
            {t("toolkit.open", { name: org.name })}
          </Link>
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
        <h2 className="text-lg font-semibold">{t("org.people")}</h2>
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
            <ul className="mt-3 flex flex-col gap-1">
              {org.people.map((person) => (
                <li key={person.id}>
                  <Link to={`/mensen/${person.id}`} className="text-accent-700 underline">
                    {person.name}
                  </Link>
                  {jobFunctionLabel(t, person) ? ` — ${jobFunctionLabel(t, person)}` : ""}
                  {person.role === "admin" ? (
                    <span className="ml-2 text-sm text-slate-600">({t("org.admin")})</span>
                  ) : null}
                  {person.team ? (
                    <span className="ml-2 text-sm text-slate-700">· {person.team}</span>
                  ) : null}
                  {org.canEdit ? (
                    <Form method="post" className="ml-2 inline">
                      <input type="hidden" name="intent" value="role" />
                      <input type="hidden" name="userId" value={person.id} />
                      <input
                        type="hidden"
                        name="role"
                        value={person.role === "admin" ? "member" : "admin"}
                      />
                      <button
                        type="submit"
                        aria-label={`${person.role === "admin" ? t("org.removeAdmin") : t("org.makeAdmin")}: ${person.name}`}
                        className="text-sm text-accent-700 underline"
                      >
                        {person.role === "admin" ? t("org.removeAdmin") : t("org.makeAdmin")}
                      </button>
                    </Form>
                  ) : null}
                  {org.canEdit ? <TeamForm person={person} actionData={actionData} /> : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
    </div>
  );
}

function TeamForm({
  person,
  actionData,
}: {
  person: { id: string; name: string; team: string | null };
  actionData: unknown;
}) {
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
  return (
    <Form method="post" {...getFormProps(form)} className="mt-1 flex flex-wrap items-end gap-2">
      <input type="hidden" name="intent" value="team" />
      <input type="hidden" name="userId" value={person.id} />
      <TextField
        {...fieldProps(fields.team)}
        id={`team-${person.id}`}
        label={t("org.team", { name: person.name })}
      />
      <SubmitButton variant="secondary">{t("org.saveTeam")}</SubmitButton>
    </Form>
  );
}
