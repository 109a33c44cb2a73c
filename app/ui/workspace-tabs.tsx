import { Link, useLocation } from "react-router";

export interface TabPage {
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

const pill =
  "inline-block rounded-full border px-3 py-1 whitespace-nowrap underline-offset-4 hover:underline";

/**
 * A section's pages as tabs: one row of groups and, under the current group, its own pages. The
 * rows wrap on a phone rather than scroll, so no tab is out of sight. Links, not an ARIA tablist:
 * every tab is a page of its own, and aria-current tells where you are.
 */
export function WorkspaceTabs({ label, tabs }: { label: string; tabs: Tab[] }) {
  const { pathname } = useLocation();
  if (tabs.length === 0) return null;
  const current = currentPage(tabs, pathname);
  const sub = current && current.tab.pages.length > 1 ? current.tab : null;
  return (
    <nav aria-label={label} className="mb-6 print:hidden">
      <ul className="flex flex-wrap gap-2 border-b border-slate-200 pb-3">
        {tabs.map((tab) => {
          const first = tab.pages[0];
          if (!first) return null;
          const active = current?.tab === tab;
          return (
            <li key={tab.label}>
              <Link
                to={first.to}
                aria-current={
                  active
                    ? current.page === first && pathname === first.to
                      ? "page"
                      : "true"
                    : undefined
                }
                className={`${pill} ${
                  active
                    ? "border-accent-700 bg-accent-700 font-semibold text-white"
                    : "border-slate-300 bg-white text-slate-900"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
      {sub ? (
        <ul aria-label={sub.label} className="mt-3 flex flex-wrap gap-x-4 gap-y-2">
          {sub.pages.map((page) => {
            const active = current?.page === page;
            return (
              <li key={page.to}>
                <Link
                  to={page.to}
                  aria-current={active ? (pathname === page.to ? "page" : "true") : undefined}
                  className="text-accent-700 underline underline-offset-4 aria-[current]:font-semibold aria-[current]:text-slate-900 aria-[current]:no-underline"
                >
                  {page.label}
                </Link>
              </li>
            );
          })}
        </ul>
      ) : null}
    </nav>
  );
}
