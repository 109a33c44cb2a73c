import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import "./app.css";
import { withQueryLog } from "#app/db/query-log.server.ts";
import { I18nRoot, useT } from "#app/ui/i18n.tsx";
import { useNonce } from "#app/ui/nonce.tsx";
import { checkOrigin, loadRequestState, requestState } from "./routes/session.server.ts";

export const middleware: Route.MiddlewareFunction[] = [
  // LOG_QUERIES=1: the statements of the whole request, session and layouts included.
  ({ request }, next) => withQueryLog(request, next),
  async ({ request, context }, next) => {
    await checkOrigin(request);
    const state = await loadRequestState(request);
    context.set(requestState, state);
    const response = await next();
    // What a signed-in person sees is theirs, and anonymous pages may carry a token in their
    // address (reset, login link, survey): no shared or back-button cache may keep either.
    if (response instanceof Response && !response.headers.has("Cache-Control")) {
      response.headers.set("Cache-Control", "private, no-store");
    }
    return response;
  },
];

export async function loader({ context }: Route.LoaderArgs) {
  const { actor, locale } = context.get(requestState);
  return {
    locale,
    actor: actor
      ? {
          userId: actor.userId,
          name: actor.name,
          isPlatformAdmin: actor.isPlatformAdmin,
          isCoordinator:
            actor.isPlatformAdmin || actor.grants.some((g) => g.role === "programme-coordinator"),
        }
      : null,
  };
}

export const links: Route.LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

function NavItem({ to, children }: { to: string; children: React.ReactNode }) {
  return (
    <NavLink
      to={to}
      className="rounded px-2 py-1 text-slate-800 underline-offset-4 hover:underline aria-[current=page]:font-semibold aria-[current=page]:underline"
    >
      {children}
    </NavLink>
  );
}

function SiteHeader() {
  const data = useRouteLoaderData<typeof loader>("root");
  const t = useT();
  const location = useLocation();
  const actor = data?.actor;
  const back = location.pathname + location.search;
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link to="/" className="flex items-center gap-2 text-xl font-bold text-accent-800">
          <svg aria-hidden="true" viewBox="0 0 32 32" className="size-7">
            <circle cx="16" cy="16" r="5" className="fill-accent-700" />
            <circle cx="5" cy="7" r="3" className="fill-accent-600" />
            <circle cx="27" cy="9" r="3" className="fill-accent-600" />
            <circle cx="24" cy="27" r="3" className="fill-accent-600" />
            <path d="M5 7 16 16 27 9M16 16l8 11" className="stroke-accent-700" strokeWidth="2" />
          </svg>
          {t("app.name")}
        </Link>
        <nav aria-label={t("nav.main")} className="flex flex-wrap items-center gap-1 text-base">
          {actor ? (
            <>
              <NavItem to="/netwerken">{t("nav.networks")}</NavItem>
              <NavItem to="/agenda">{t("nav.agenda")}</NavItem>
              <NavItem to="/herregistratie">{t("nav.herregistratie")}</NavItem>
              <NavItem to="/mensen">{t("nav.people")}</NavItem>
              <NavItem to="/organisaties">{t("nav.organisations")}</NavItem>
              <NavItem to="/profiel">{t("nav.profile")}</NavItem>
              {actor.isCoordinator ? (
                <>
                  <NavItem to="/aanvragen">{t("nav.applications")}</NavItem>
                  <NavItem to="/dashboard">{t("nav.dashboard")}</NavItem>
                </>
              ) : null}
              {actor.isPlatformAdmin ? (
                <>
                  <NavItem to="/beheer/mail">{t("nav.outbox")}</NavItem>
                  <NavItem to="/beheer/accounts">{t("nav.accounts")}</NavItem>
                  <NavItem to="/beheer/professionaliseringsthemas">
                    {t("nav.professionalThemes")}
                  </NavItem>
                </>
              ) : null}
            </>
          ) : (
            <>
              <NavItem to="/netwerken">{t("nav.networks")}</NavItem>
              <NavItem to="/organisaties">{t("nav.organisations")}</NavItem>
              <NavItem to="/inloggen">{t("nav.login")}</NavItem>
              <NavItem to="/registreren">{t("nav.register")}</NavItem>
            </>
          )}
          <form method="post" action="/taal" className="inline">
            <input type="hidden" name="terug" value={back} />
            <input type="hidden" name="taal" value={t.locale === "nl" ? "en" : "nl"} />
            <button
              type="submit"
              lang={t.locale === "nl" ? "en" : "nl"}
              aria-label={t("lang.switchLabel")}
              className="rounded px-2 py-1 text-slate-800 underline underline-offset-4"
            >
              {t("lang.switchTo")}
            </button>
          </form>
          {actor ? (
            <form method="post" action="/uitloggen" className="inline">
              <button
                type="submit"
                className="rounded border border-slate-400 px-3 py-1 text-slate-900 hover:bg-slate-100"
              >
                {t("nav.logout")}
              </button>
            </form>
          ) : null}
        </nav>
      </div>
    </header>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const t = useT();
  return (
    <html lang={data?.locale ?? "nl"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <I18nRoot>
          <a
            href="#inhoud"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-3"
          >
            {t("nav.skip")}
          </a>
          <SiteHeader />
          <main id="inhoud" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-8">
            {children}
          </main>
          <footer className="mx-auto max-w-5xl px-4 pb-8 text-sm text-slate-600 print:hidden">
            <p>{t("app.tagline")}</p>
            <p className="mt-1">
              <Link to="/certificaat-controleren" className="underline">
                {t("footer.verify")}
              </Link>{" "}
              ·{" "}
              <Link to="/goede-voorbeelden" className="underline">
                {t("practices.title")}
              </Link>{" "}
              ·{" "}
              <Link to="/privacy" className="underline">
                {t("footer.privacy")}
              </Link>{" "}
              ·{" "}
              <Link to="/toegankelijkheid" className="underline">
                {t("footer.accessibility")}
              </Link>
            </p>
          </footer>
        </I18nRoot>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404
      ? [t("error.404.title"), t("error.404.body")]
      : status === 403
        ? [t("error.403.title"), t("error.403.body")]
        : status === 413
          ? [t("error.413.title"), t("error.413.body")]
          : status >= 400 && status < 500
            ? [t("error.400.title"), t("error.400.body")]
            : [t("error.500.title"), t("error.500.body")];
  return (
    <div className="flex flex-col gap-4">
      <title>{t("pageTitle.format", { page: title })}</title>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="max-w-xl text-slate-700">{body}</p>
      <p>
        <Link to="/" className="text-accent-700 underline">
          {t("error.backHome")}
        </Link>
      </p>
    </div>
  );
}
