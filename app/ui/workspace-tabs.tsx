import { Link, useLocation } from "react-router";
import { useDisclosure } from "./disclosure.tsx";

interface TabPage {
  to: string;
  label: string;
  /** current only on this very address, not on the pages below it */
  exact?: boolean;
}

export interface Tab {
  label: string;
  pages: TabPage[];
}

function matches(page: TabPage, pathname: string) {
  if (pathname === page.to) return true;
  return !page.exact && pathname.startsWith(`${page.to}/`);
}

/** The page the address belongs to: the longest matching link wins (discussie/levendigheid over discussie). */
function currentPage(tabs: Tab[], pathname: string) {
  let best: { tab: Tab; page: TabPage } | null = null;
  for (const tab of tabs) {
    for (const page of tab.pages) {
      if (matches(page, pathname) && (!best || page.to.length > best.page.to.length)) {
        best = { tab, page };
      }
    }
  }
  return best;
}

const tabStyle =
  "inline-flex items-center gap-1 rounded-full border px-3 py-1 whitespace-nowrap underline-offset-4 hover:underline";
const tabTone = (active: boolean) =>
  active
    ? "border-accent-700 bg-accent-700 font-semibold text-white"
    : "border-slate-300 bg-white text-slate-900";

/** A group of pages behind one tab: a <details>, so it opens without JavaScript too. */
function TabGroup({
  tab,
  active,
  currentTo,
  pathname,
}: {
  tab: Tab;
  active: boolean;
  currentTo: string | undefined;
  pathname: string;
}) {
  const { ref, onKeyDown } = useDisclosure();
  return (
    <details ref={ref} onKeyDown={onKeyDown} className="group lg:relative">
      <summary
        aria-current={active ? "true" : undefined}
        className={`${tabStyle} ${tabTone(active)} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}
      >
        {tab.label}
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className="size-4 fill-current transition-transform group-open:rotate-180"
        >
          <path d="M5.5 7.5 10 12l4.5-4.5 1 1L10 14 4.5 8.5z" />
        </svg>
      </summary>
      <ul className="mt-2 flex flex-col rounded-md border border-slate-200 bg-white p-1 shadow-lg lg:absolute lg:left-0 lg:z-20 lg:w-72">
        {tab.pages.map((page) => (
          <li key={page.to}>
            <Link
              to={page.to}
              aria-current={
                page.to === currentTo ? (pathname === page.to ? "page" : "true") : undefined
              }
              className="block rounded px-3 py-2 text-slate-900 underline-offset-4 hover:bg-slate-100 hover:underline aria-[current]:font-semibold aria-[current]:text-accent-800"
            >
              {page.label}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * A section's pages as tabs. A tab of one page is a link; a tab of several opens a small menu of
 * them, so every page is two clicks away at most and none is loaded on the way. The row wraps on
 * a phone, and an open menu takes the full width below its tab there, so nothing runs off the
 * screen. Links, not an ARIA tablist: every tab is a page of its own, and aria-current says where
 * you are.
 */
export function WorkspaceTabs({ label, tabs }: { label: string; tabs: Tab[] }) {
  const { pathname } = useLocation();
  if (tabs.length === 0) return null;
  const current = currentPage(tabs, pathname);
  return (
    <nav aria-label={label} className="mb-6 border-b border-slate-200 pb-3 print:hidden">
      <ul className="flex flex-wrap gap-2">
        {tabs.map((tab) => {
          const first = tab.pages[0];
          if (!first) return null;
          const active = current?.tab === tab;
          return (
            <li
              key={tab.label}
              className="has-[details[open]]:basis-full lg:has-[details[open]]:basis-auto"
            >
              {tab.pages.length > 1 ? (
                <TabGroup
                  tab={tab}
                  active={active}
                  currentTo={current?.page.to}
                  pathname={pathname}
                />
              ) : (
                <Link
                  to={first.to}
                  aria-current={active ? (pathname === first.to ? "page" : "true") : undefined}
                  className={`${tabStyle} ${tabTone(active)}`}
                >
                  {tab.label}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
