import { Link } from "react-router";
import { useT } from "#app/ui/i18n.tsx";
import { Card, Notice } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import type { Route } from "./+types/home";
import { withVisitor } from "./pipeline.server.ts";
import { noticeFrom } from "./session.server.ts";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.home");
}

export async function loader(args: Route.LoaderArgs) {
  return withVisitor(args, async ({ actor }) => ({
    name: actor?.name ?? null,
    // e.g. "Je account is verwijderd" after deleting one's own account
    notice: noticeFrom(args.request),
  }));
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  if (loaderData.name) {
    const next = [
      {
        to: "/netwerken",
        title: t("home.next.networks.title"),
        body: t("home.next.networks.body"),
      },
      { to: "/profiel", title: t("home.next.profile.title"), body: t("home.next.profile.body") },
      { to: "/mensen", title: t("home.next.people.title"), body: t("home.next.people.body") },
      {
        to: "/organisaties",
        title: t("home.next.organisations.title"),
        body: t("home.next.organisations.body"),
      },
    ];
    return (
      <div className="flex flex-col gap-6">
        <h1 className="text-2xl font-bold sm:text-3xl">
          {t("home.welcome", { name: loaderData.name })}
        </h1>
        <ul className="grid gap-4 sm:grid-cols-2">
          {next.map((item) => (
            <Card as="li" key={item.to}>
              <h2 className="text-lg font-semibold">
                <Link to={item.to} className="text-accent-700 underline underline-offset-4">
                  {item.title}
                </Link>
              </h2>
              <p className="mt-2 text-slate-700">{item.body}</p>
            </Card>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-8">
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <section className="flex flex-col gap-4">
        <h1 className="text-3xl font-bold sm:text-4xl">{t("home.title")}</h1>
        <p className="max-w-2xl text-lg text-slate-700">{t("home.intro")}</p>
        <div className="flex flex-wrap gap-3">
          <Link
            to="/registreren"
            className="rounded-md bg-accent-700 px-4 py-2 font-medium text-white hover:bg-accent-800"
          >
            {t("home.cta.register")}
          </Link>
          <Link
            to="/inloggen"
            className="rounded-md border border-slate-400 bg-white px-4 py-2 font-medium text-slate-900"
          >
            {t("home.cta.login")}
          </Link>
          <Link
            to="/netwerken"
            className="rounded-md px-4 py-2 font-medium text-accent-700 underline underline-offset-4"
          >
            {t("home.cta.networks")}
          </Link>
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
