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
import {
  countUnreadNotifications,
  unreadCap,
} from "#app/modules/notifications/notifications.server.ts";
import { registerApplies } from "#app/modules/register/applies.server.ts";
import { useDisclosure } from "#app/ui/disclosure.tsx";
import { I18nRoot, useT } from "#app/ui/i18n.tsx";
import { useNonce } from "#app/ui/nonce.tsx";
import { withVisitor } from "./routes/pipeline.server.ts";
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

export async function loader(args: Route.LoaderArgs) {
  const { actor, locale } = args.context.get(requestState);
  if (!actor) return { locale, actor: null };
  // On every page of a signed-in person: the bell's number and whether re-registration is
  // theirs, two small indexed reads side by side.
  const { unread, showRegister } = await withVisitor(args, async ({ db }) => {
    const [unread, showRegister] = await Promise.all([
      countUnreadNotifications(db, actor.userId),
      registerApplies(db, actor.userId),
    ]);
    return { unread, showRegister };
  });
  return {
    locale,
    actor: {
      userId: actor.userId,
      name: actor.name,
      isPlatformAdmin: actor.isPlatformAdmin,
      isCoordinator:
        actor.isPlatformAdmin || actor.grants.some((g) => g.role === "programme-coordinator"),
      unread: unread > unreadCap ? `${unreadCap}+` : String(unread),
      showRegister,
    },
  };
}

export const links: Route.LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

function NavItem({ to, children }: { to: string; children: React.ReactNode }) {
  return (
    <li>
      <NavLink
        to={to}
        className="block rounded px-2 py-2 text-slate-800 underline-offset-4 hover:underline aria-[current=page]:font-semibold aria-[current=page]:underline lg:py-1"
      >
        {children}
      </NavLink>
    </li>
  );
}

function Logo() {
  const t = useT();
  return (
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
  );
}

function LanguageSwitch({ className = "" }: { className?: string }) {
  const t = useT();
  const location = useLocation();
  return (
    <form method="post" action="/taal" className={`lg:order-4 ${className}`}>
      <input type="hidden" name="terug" value={location.pathname + location.search} />
      <input type="hidden" name="taal" value={t.locale === "nl" ? "en" : "nl"} />
      <button
        type="submit"
        lang={t.locale === "nl" ? "en" : "nl"}
        aria-label={t("lang.switchLabel")}
        className="rounded px-2 py-2 text-slate-800 underline underline-offset-4 lg:py-1"
      >
        {t("lang.switchTo")}
      </button>
    </form>
  );
}

function Bell({ unread }: { unread: string }) {
  const t = useT();
  const count = unread === "0" ? null : unread;
  return (
    <Link
      to="/meldingen"
      aria-label={count ? t("nav.notificationsUnread", { count }) : t("nav.notifications")}
      className="relative ml-auto rounded p-2 text-slate-800 hover:bg-slate-100 lg:order-2 lg:ml-0"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="size-6 fill-none stroke-current"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count ? (
        <span
          aria-hidden="true"
          className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-bold leading-5 text-white"
        >
          {count}
        </span>
      ) : null}
    </Link>
  );
}

function SiteSearch() {
  const t = useT();
  return (
    <search aria-label={t("nav.search")} className="lg:order-1 lg:ml-auto">
      <form method="get" action="/zoeken" className="flex gap-2">
        <label htmlFor="site-zoeken" className="sr-only">
          {t("nav.search")}
        </label>
        <input
          id="site-zoeken"
          name="q"
          type="search"
          placeholder={t("nav.search")}
          className="w-full min-w-0 rounded-md border border-slate-400 px-3 py-1.5 lg:w-56"
        />
        <button
          type="submit"
          className="rounded-md border border-slate-400 px-3 py-1.5 text-slate-900 hover:bg-slate-100"
        >
          {t("nav.searchSubmit")}
        </button>
      </form>
    </search>
  );
}

/** Profile and account under the person's name: a small menu of its own. */
function AccountMenu({ name }: { name: string }) {
  const t = useT();
  const { ref, onKeyDown } = useDisclosure();
  return (
    <details ref={ref} onKeyDown={onKeyDown} className="relative lg:order-3">
      <summary className="cursor-pointer rounded px-2 py-2 font-medium text-slate-900 hover:bg-slate-100 lg:py-1">
        {name}
      </summary>
      <ul
        aria-label={t("nav.account")}
        className="mt-1 flex flex-col rounded-md border border-slate-200 bg-white p-1 lg:absolute lg:right-0 lg:z-20 lg:w-56 lg:shadow-lg"
      >
        <NavItem to="/profiel">{t("nav.profile")}</NavItem>
        <NavItem to="/account/sessies">{t("nav.sessions")}</NavItem>
        <NavItem to="/account/inlogmethoden">{t("nav.signInMethods")}</NavItem>
        <NavItem to="/account/gegevens">{t("nav.personalData")}</NavItem>
      </ul>
    </details>
  );
}

/*
 * One header for every width. On a phone the links sit behind a Menu button: a <details>, so it
 * opens without JavaScript too. From 1024 px the button is gone and the details' content joins
 * the header's own rows (display: contents), so the same links show inline, never twice in the
 * page.
 */
function SiteHeader() {
  const data = useRouteLoaderData<typeof loader>("root");
  const t = useT();
  const actor = data?.actor;
  const menu = useDisclosure();
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="relative mx-auto flex max-w-5xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3">
        <Logo />
        {actor ? <Bell unread={actor.unread} /> : null}
        <details
          ref={menu.ref}
          onKeyDown={menu.onKeyDown}
          className={`${actor ? "" : "ml-auto"} lg:contents lg:details-content:contents lg:details-content:[content-visibility:visible]`}
        >
          <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md border border-slate-400 px-3 py-2 font-medium text-slate-900 hover:bg-slate-100 lg:hidden [&::-webkit-details-marker]:hidden">
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              className="size-5 fill-none stroke-current"
              strokeWidth="2"
              strokeLinecap="round"
            >
              <path d="M4 6h16M4 12h16M4 18h16" />
            </svg>
            {t("nav.menu")}
          </summary>
          <div className="absolute inset-x-0 top-full z-30 flex flex-col gap-3 border-b border-slate-200 bg-white px-4 py-4 shadow-lg lg:contents">
            {actor ? <SiteSearch /> : null}
            <nav aria-label={t("nav.main")} className="lg:order-last lg:basis-full">
              <ul className="flex flex-col lg:-mx-2 lg:flex-row lg:flex-wrap lg:gap-x-1">
                {actor ? (
                  <>
                    <NavItem to="/">{t("nav.myKnooppunt")}</NavItem>
                    <NavItem to="/mijn-netwerken">{t("nav.myNetworks")}</NavItem>
                    <NavItem to="/netwerken">{t("nav.networks")}</NavItem>
                    <NavItem to="/agenda">{t("nav.agenda")}</NavItem>
                    <NavItem to="/mensen">{t("nav.people")}</NavItem>
                    <NavItem to="/organisaties">{t("nav.organisations")}</NavItem>
                    {actor.showRegister ? (
                      <NavItem to="/herregistratie">{t("nav.herregistratie")}</NavItem>
                    ) : null}
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
              </ul>
            </nav>
            {actor ? <AccountMenu name={actor.name} /> : null}
            <LanguageSwitch className={actor ? "" : "lg:ml-auto"} />
            {actor ? (
              <form method="post" action="/uitloggen" className="lg:order-5">
                <button
                  type="submit"
                  className="rounded border border-slate-400 px-3 py-1 text-slate-900 hover:bg-slate-100"
                >
                  {t("nav.logout")}
                </button>
              </form>
            ) : null}
          </div>
        </details>
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
