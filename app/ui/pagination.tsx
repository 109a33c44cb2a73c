import { Link, useLocation } from "react-router";
import { useT } from "./i18n.tsx";

/**
 * Previous / next links that keep the other query parameters (plain links: no JavaScript
 * needed). `pages` is null when the list stopped counting ("1.000+"): then "Volgende" shows
 * as long as there is a next page.
 */
export function Pagination({
  page,
  pages,
  hasNext,
}: {
  page: number;
  pages: number | null;
  hasNext: boolean;
}) {
  const t = useT();
  const location = useLocation();
  if (page <= 1 && !hasNext) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set("pagina", String(target));
    return `${location.pathname}?${params.toString()}`;
  };
  const linkClass =
    "rounded-md border border-slate-400 bg-white px-3 py-1 text-slate-900 hover:bg-slate-100";
  return (
    <nav aria-label={t("paging.label")} className="mt-6 flex flex-wrap items-center gap-3">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} className={linkClass} rel="prev">
          {t("paging.previous")}
        </Link>
      ) : null}
      <span>
        {pages === null
          ? t("paging.positionOpen", { page })
          : t("paging.position", { page, pages })}
      </span>
      {hasNext ? (
        <Link to={hrefFor(page + 1)} className={linkClass} rel="next">
          {t("paging.next")}
        </Link>
      ) : null}
    </nav>
  );
}
