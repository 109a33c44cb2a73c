import { Link } from "react-router";
import { jobFunctionLabel } from "#app/modules/accounts/components/job-function.ts";
import { getProfile } from "#app/modules/accounts/profile.server.ts";
import { listCoordinatorships } from "#app/modules/organisations/grants.server.ts";
import { listWorkplaces } from "#app/modules/organisations/workplaces.server.ts";
import { Avatar, avatarUrl } from "#app/ui/avatar.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, LockNote, Notice, Tag } from "#app/ui/layout.tsx";
import { namedTitle } from "#app/ui/page-title.ts";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/person";

export function meta({ loaderData, matches }: Route.MetaArgs) {
  return namedTitle(matches, loaderData?.profile.name, "pageTitle.person");
}

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    // getProfile answers an unknown or malformed id with the 404.
    const profile = await getProfile(db, actor, args.params.userId);
    const [workplaces, coordinatorships] = await Promise.all([
      listWorkplaces(db, actor, profile.id),
      listCoordinatorships(db, profile.id),
    ]);
    return {
      profile,
      workplaces,
      coordinatorships,
      notice: new URL(args.request.url).searchParams.get("melding"),
    };
  });
}

export default function Person({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { profile, workplaces, coordinatorships } = loaderData;
  const roles = [
    ...(profile.isPlatformAdmin ? [t("role.platform-admin")] : []),
    ...workplaces
      .filter((w) => w.role === "admin" && w.status === "confirmed")
      .map((w) => t("role.organisation-admin", { name: w.name })),
    ...coordinatorships.map((c) =>
      c.regionName
        ? t("role.programme-coordinator.region", { name: c.programmeName, region: c.regionName })
        : t("role.programme-coordinator", { name: c.programmeName }),
    ),
  ];
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      {loaderData.notice === "profile.saved" ? (
        <Notice tone="success">{t("profile.saved")}</Notice>
      ) : null}
      <Card>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="flex items-center gap-4">
            <Avatar
              id={profile.id}
              name={profile.name}
              photoUrl={avatarUrl(profile.id, profile.avatarFileId)}
              size={96}
            />
            <div>
              <h1 className="text-2xl font-bold">{profile.name}</h1>
              <p className="text-slate-700">
                {[jobFunctionLabel(t, profile), profile.regionName].filter(Boolean).join(" · ")}
              </p>
            </div>
          </div>
          {profile.canEdit ? (
            <Link
              to="/profiel"
              className="rounded-md border border-slate-400 px-3 py-1 text-slate-900"
            >
              {t("profile.edit")}
            </Link>
          ) : null}
        </div>
        <div className="mt-3">
          <LockNote>{t("profile.visibility")}</LockNote>
        </div>
        <p className="mt-4 whitespace-pre-line">
          {profile.bio || <span className="text-slate-600">{t("profile.noBio")}</span>}
        </p>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("profile.expertise")}</h2>
        {profile.expertise.length ? (
          <ul className="mt-2 flex flex-wrap gap-2">
            {profile.expertise.map((name) => (
              <li key={name}>
                <Link to={`/mensen?expertise=${encodeURIComponent(name)}`}>
                  <Tag>{name}</Tag>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-slate-600">{t("profile.noExpertise")}</p>
        )}
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("profile.organisations")}</h2>
        {workplaces.length ? (
          <ul className="mt-2 flex flex-col gap-1">
            {workplaces.map((w) => (
              <li key={w.id}>
                <Link to={`/organisaties/${w.id}`} className="text-accent-700 underline">
                  {w.name}
                </Link>
                {w.place ? `, ${w.place}` : ""}
                {w.status === "requested" ? (
                  <span className="ml-2 text-sm text-slate-700">· {t("workplace.requested")}</span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-slate-600">{t("profile.noOrganisations")}</p>
        )}
        {roles.length ? (
          <>
            <h2 className="mt-4 text-lg font-semibold">{t("profile.roles")}</h2>
            <ul className="mt-2 list-disc pl-5">
              {roles.map((role) => (
                <li key={role}>{role}</li>
              ))}
            </ul>
          </>
        ) : null}
        <p className="mt-4 text-sm text-slate-600">
          {t("profile.memberSince", { date: t.date(profile.createdAt) })}
        </p>
      </Card>
    </div>
  );
}
