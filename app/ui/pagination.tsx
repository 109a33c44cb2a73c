import { Link, useLocation } from "react-router";
import { useT } from "./i18n.tsx";

/** Previous / next links that keep the other query parameters. */
export function Pagination({ page, pages }: { page: number; pages: number }) {
  const t = useT();
  const location = useLocation();
  if (pages <= 1) return null;
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
      <span>{t("paging.position", { page, pages })}</span>
      {page < pages ? (
        <Link to={hrefFor(page + 1)} className={linkClass} rel="next">
          {t("paging.next")}
        </Link>
      ) : null}
    </nav>
  );
}
