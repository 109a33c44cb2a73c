import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import { getDb } from "#app/db/client.server.ts";
import { jobFunctionLabel } from "#app/modules/accounts/components/job-function.ts";
import {
  canDecideWorkplaceRequests,
  canEditOrganisation,
} from "#app/modules/organisations/organisations.policy.ts";
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
import { parseForm } from "#app/platform/forms.ts";
import { notFound } from "#app/platform/http.server.ts";
import { SubmitButton, TextField, targetedForm } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, LockNote, Notice } from "#app/ui/layout.tsx";
import { baseUrl, noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/organisation";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `${loaderData?.organisation.name ?? "School"} — Knooppunt` }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const id = z.uuid().safeParse(params.organisationId);
  if (!id.success) notFound();
  const organisation = await getOrganisation(
    await getDb(),
    context.get(requestState).actor,
    id.data,
  );
  const notice = noticeFrom(request);
  const actor = context.get(requestState).actor;
  return {
    organisation,
    isMember: !!actor && !!organisation.people?.some((p) => p.id === actor.userId),
    notice: notices.find((key) => key === notice) ?? null,
  };
}

const notices = [
  "org.saved",
  "org.roleSaved",
  "org.requestConfirmed",
  "org.requestDeclined",
] as const;

const requestSchema = z.object({ userId: z.uuid() });
const roleSchema = z.object({ userId: z.uuid(), role: z.enum(["member", "admin"]) });
const teamSchema = z.object({
  userId: z.uuid(),
  team: z.string().trim().max(60, "error.org.team").default(""),
});

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const id = z.uuid().safeParse(params.organisationId);
  if (!id.success) notFound();
  const formData = await request.formData();
  const intent = formData.get("intent");
  const decides = intent === "confirm" || intent === "decline";
  // Rights before the form: who may not keep the school gets the 403, not field errors.
  await assertOrganisationRight(
    await getDb(),
    actor,
    id.data,
    decides ? canDecideWorkplaceRequests : canEditOrganisation,
  );
  if (decides) {
    // The buttons carry only ids; a tampered id is an unknown request.
    const input = requestSchema.safeParse(Object.fromEntries(formData));
    if (!input.success) notFound();
    const db = await getDb();
    if (intent === "confirm") {
      await confirmWorkplace(db, actor, id.data, input.data, { baseUrl: baseUrl(request) });
    } else {
      await declineWorkplace(db, actor, id.data, input.data);
    }
    return redirect(
      `/organisaties/${id.data}?melding=${intent === "confirm" ? "org.requestConfirmed" : "org.requestDeclined"}#aanvragen`,
    );
  }
  if (intent === "team") {
    const form = parseForm(teamSchema, formData);
    if (!form.ok)
      return data(
        { target: String(formData.get("userId")), errors: form.errors, values: form.values },
        { status: 400 },
      );
    await setOrganisationTeam(await getDb(), actor, id.data, form.data);
    return redirect(`/organisaties/${id.data}?melding=org.roleSaved`);
  }
  const input = roleSchema.safeParse(Object.fromEntries(formData));
  if (!input.success) notFound();
  await setOrganisationRole(await getDb(), actor, id.data, input.data);
  return redirect(`/organisaties/${id.data}?melding=org.roleSaved`);
}

export default function Organisation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { errorsFor, valueFor } = targetedForm(actionData);
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
              {t(`org.kind.${org.kind}`)}
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
                  {org.canEdit ? (
                    <Form method="post" className="mt-1 flex flex-wrap items-end gap-2">
                      <input type="hidden" name="intent" value="team" />
                      <input type="hidden" name="userId" value={person.id} />
                      <TextField
                        name="team"
                        id={`team-${person.id}`}
                        label={t("org.team", { name: person.name })}
                        error={errorsFor(person.id)?.team}
                        defaultValue={valueFor(person.id, "team", person.team ?? "")}
                      />
                      <SubmitButton variant="secondary">{t("org.saveTeam")}</SubmitButton>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
    </div>
  );
}
