import {
  ArrowRight,
  Bell as BellIcon,
  ChevronDown,
  Languages,
  LogOut,
  Menu as MenuIcon,
  Search,
  X,
} from "lucide-react";
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
import { Avatar } from "#app/ui/avatar.tsx";
import { Button } from "#app/ui/button.tsx";
import { useDisclosure } from "#app/ui/disclosure.tsx";
import { I18nRoot, useT } from "#app/ui/i18n.tsx";
import { useNonce } from "#app/ui/nonce.tsx";
import { ToastRegion } from "#app/ui/toast.tsx";
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

const navLink =
  "flex items-center rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-accent-50 aria-[current=page]:text-accent-800";

/** A link of the main menu: a row on a phone, a tab with a bar under the current page on a laptop. */
function NavItem({ to, children }: { to: string; children: React.ReactNode }) {
  return (
    <li>
      <NavLink
        to={to}
        className={`${navLink} lg:rounded-none lg:border-b-2 lg:border-transparent lg:px-2 lg:py-2.5 lg:hover:border-slate-300 lg:hover:bg-transparent lg:aria-[current=page]:border-accent-700 lg:aria-[current=page]:bg-transparent`}
      >
        {children}
      </NavLink>
    </li>
  );
}

function AccountItem({ to, children }: { to: string; children: React.ReactNode }) {
  return (
    <li>
      <NavLink to={to} className={navLink}>
        {children}
      </NavLink>
    </li>
  );
}

/** The mark: a node with its links, on the house colour. */
function LogoMark() {
  return (
    <svg aria-hidden="true" viewBox="0 0 32 32" className="size-8">
      <rect width="32" height="32" rx="8" className="fill-accent-700" />
      <path
        d="M9 10 16 16 24 11M16 16l6 7M16 16l-6 6"
        className="stroke-accent-100"
        strokeWidth="2"
      />
      <circle cx="16" cy="16" r="4" className="fill-white" />
      <circle cx="9" cy="10" r="2.5" className="fill-accent-200" />
      <circle cx="24" cy="11" r="2.5" className="fill-accent-200" />
      <circle cx="22" cy="23" r="2.5" className="fill-accent-200" />
      <circle cx="10" cy="22" r="2.5" className="fill-accent-200" />
    </svg>
  );
}

const wordmark =
  "flex shrink-0 items-center gap-2 py-1 text-xl font-bold tracking-tight text-slate-900";

/** The mark and the wordmark: the way home from every page. */
function Logo() {
  const t = useT();
  return (
    <Link to="/" className={`${wordmark} rounded-md`}>
      <LogoMark />
      {t("app.name")}
    </Link>
  );
}

function LanguageSwitch() {
  const t = useT();
  const location = useLocation();
  return (
    <form method="post" action="/taal">
      <input type="hidden" name="terug" value={location.pathname + location.search} />
      <input type="hidden" name="taal" value={t.locale === "nl" ? "en" : "nl"} />
      <button
        type="submit"
        lang={t.locale === "nl" ? "en" : "nl"}
        aria-label={t("lang.switchLabel")}
        className="inline-flex items-center gap-1.5 rounded text-slate-700 underline underline-offset-4 hover:text-slate-900"
      >
        <Languages aria-hidden="true" className="size-4" />
        {t("lang.switchTo")}
      </button>
    </form>
  );
}

const iconButton =
  "relative inline-flex size-11 shrink-0 items-center justify-center rounded-full text-slate-700 hover:bg-slate-100 hover:text-slate-900";

function Bell({ unread }: { unread: string }) {
  const t = useT();
  const count = unread === "0" ? null : unread;
  return (
    <NavLink
      to="/meldingen"
      aria-label={count ? t("nav.notificationsUnread", { count }) : t("nav.notifications")}
      className={`${iconButton} aria-[current=page]:bg-accent-50 aria-[current=page]:text-accent-800 lg:order-2`}
    >
      <BellIcon aria-hidden="true" className="size-6" />
      {count ? (
        <span
          aria-hidden="true"
          className="absolute top-0.5 right-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-bold leading-5 text-white ring-2 ring-white"
        >
          {count}
        </span>
      ) : null}
    </NavLink>
  );
}

/** On a phone the header has no room for the field: the icon goes to the search page, which has one. */
function SearchLink() {
  const t = useT();
  return (
    <Link
      to="/zoeken"
      aria-label={t("nav.searchPage")}
      className={`${iconButton} ml-auto lg:hidden`}
    >
      <Search aria-hidden="true" className="size-6" />
    </Link>
  );
}

function SiteSearch() {
  const t = useT();
  return (
    <search aria-label={t("nav.search")} className="lg:order-1 lg:ml-4 lg:max-w-md lg:flex-1">
      <form method="get" action="/zoeken" className="relative flex">
        <label htmlFor="site-zoeken" className="sr-only">
          {t("nav.search")}
        </label>
        <Search
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-slate-500"
        />
        <input
          id="site-zoeken"
          name="q"
          type="search"
          placeholder={t("nav.search")}
          className="min-h-11 w-full min-w-0 rounded-full border border-slate-300 bg-slate-50 py-2 pr-12 pl-10 text-slate-900 placeholder:text-slate-600 focus:bg-white"
        />
        <button
          type="submit"
          aria-label={t("nav.searchSubmit")}
          className="absolute top-1/2 right-1 inline-flex size-9 -translate-y-1/2 items-center justify-center rounded-full text-slate-700 hover:bg-accent-50 hover:text-accent-800"
        >
          <ArrowRight aria-hidden="true" className="size-5" />
        </button>
      </form>
    </search>
  );
}

/**
 * Profile and account under the person's picture and name: a <details>, not a React Aria Menu.
 * A Menu needs JavaScript to open, and these are plain links to pages, which a <details> opens
 * without it; useDisclosure adds Escape, a click outside and closing on navigation.
 */
function AccountMenu({ userId, name }: { userId: string; name: string }) {
  const t = useT();
  const { ref, onKeyDown } = useDisclosure();
  return (
    <details ref={ref} onKeyDown={onKeyDown} className="group/account relative lg:order-3">
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-full py-1 pr-2 pl-1 font-medium text-slate-900 hover:bg-slate-100 [&::-webkit-details-marker]:hidden">
        <Avatar id={userId} name={name} size={32} />
        <span className="min-w-0 truncate lg:max-w-40">{name}</span>
        <ChevronDown
          aria-hidden="true"
          className="size-4 shrink-0 text-slate-600 transition-transform group-open/account:rotate-180"
        />
      </summary>
      <ul
        aria-label={t("nav.account")}
        className="mt-1 flex flex-col rounded-lg border border-slate-200 bg-white p-1 lg:absolute lg:right-0 lg:z-20 lg:w-60 lg:shadow-lg"
      >
        <AccountItem to="/profiel">{t("nav.profile")}</AccountItem>
        <AccountItem to="/account/sessies">{t("nav.sessions")}</AccountItem>
        <AccountItem to="/account/inlogmethoden">{t("nav.signInMethods")}</AccountItem>
        <AccountItem to="/account/gegevens">{t("nav.personalData")}</AccountItem>
      </ul>
    </details>
  );
}

/*
 * One header for every width. The logo, search and the bell are always there (on a phone search
 * is an icon that goes to /zoeken). On a phone the links sit behind a Menu button: a <details>,
 * so it opens without JavaScript too. From 1024 px the button is gone and the details' content
 * joins the header's own rows (display: contents): search, the account and logout in the top
 * row, the links as a row of tabs below, never twice in the page.
 */
function SiteHeader() {
  const data = useRouteLoaderData<typeof loader>("root");
  const t = useT();
  const actor = data?.actor;
  const menu = useDisclosure();
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="relative mx-auto flex max-w-5xl flex-wrap items-center gap-x-1 px-4 py-2 sm:gap-x-2 lg:pb-0">
        <Logo />
        {actor ? <SearchLink /> : null}
        {actor ? <Bell unread={actor.unread} /> : null}
        <details
          ref={menu.ref}
          onKeyDown={menu.onKeyDown}
          className={`group/menu ${actor ? "" : "ml-auto"} lg:contents lg:details-content:contents lg:details-content:[content-visibility:visible]`}
        >
          <summary className="ml-1 flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-full border border-slate-300 px-3 py-2 font-medium text-slate-900 hover:bg-slate-100 lg:hidden [&::-webkit-details-marker]:hidden">
            <MenuIcon aria-hidden="true" className="size-5 group-open/menu:hidden" />
            <X aria-hidden="true" className="hidden size-5 group-open/menu:block" />
            {t("nav.menu")}
          </summary>
          <div className="absolute inset-x-0 top-full z-30 flex max-h-[calc(100dvh-4rem)] flex-col gap-4 overflow-y-auto border-b border-slate-200 bg-white px-4 py-4 shadow-lg lg:contents">
            {actor ? <SiteSearch /> : null}
            <nav
              aria-label={t("nav.main")}
              className={actor ? "lg:order-last lg:mt-1 lg:basis-full" : "lg:ml-auto"}
            >
              <ul className="flex flex-col gap-0.5 lg:-mx-2 lg:flex-row lg:flex-wrap lg:gap-x-2">
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
            {actor ? (
              <div className="flex flex-col gap-2 border-t border-slate-200 pt-4 lg:contents">
                <AccountMenu userId={actor.userId} name={actor.name} />
                <form method="post" action="/uitloggen" className="lg:order-4">
                  <Button
                    variant="secondary"
                    size="sm"
                    title={t("nav.logout")}
                    icon={<LogOut aria-hidden="true" className="size-4" />}
                    className="lg:min-h-11 lg:rounded-full lg:border-0 lg:px-3"
                  >
                    <span className="lg:sr-only">{t("nav.logout")}</span>
                  </Button>
                </form>
              </div>
            ) : null}
          </div>
        </details>
      </div>
    </header>
  );
}

function SiteFooter() {
  const t = useT();
  return (
    <footer className="mt-8 border-t border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-8 text-slate-700 sm:flex-row sm:justify-between">
        <div className="flex max-w-sm flex-col gap-2">
          <p className={wordmark}>
            <LogoMark />
            {t("app.name")}
          </p>
          <p className="text-sm">{t("app.tagline")}</p>
        </div>
        <nav aria-label={t("footer.label")}>
          <ul className="flex flex-col gap-2 text-sm">
            <li>
              <Link
                to="/certificaat-controleren"
                className="underline underline-offset-4 hover:text-slate-900"
              >
                {t("footer.verify")}
              </Link>
            </li>
            <li>
              <Link
                to="/goede-voorbeelden"
                className="underline underline-offset-4 hover:text-slate-900"
              >
                {t("practices.title")}
              </Link>
            </li>
            <li>
              <Link to="/privacy" className="underline underline-offset-4 hover:text-slate-900">
                {t("footer.privacy")}
              </Link>
            </li>
            <li>
              <Link
                to="/toegankelijkheid"
                className="underline underline-offset-4 hover:text-slate-900"
              >
                {t("footer.accessibility")}
              </Link>
            </li>
          </ul>
        </nav>
        <div className="text-sm">
          <LanguageSwitch />
        </div>
      </div>
    </footer>
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
          <SiteFooter />
          <ToastRegion />
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
