export interface Page {
  page: number;
  perPage: number;
  offset: number;
}

/** ?pagina=N, 1-based; anything odd falls back to the first page. */
export function pageFrom(url: URL, perPage: number): Page {
  const raw = Number(url.searchParams.get("pagina") ?? "1");
  const page = Number.isInteger(raw) && raw >= 1 && raw <= 10_000 ? raw : 1;
  return { page, perPage, offset: (page - 1) * perPage };
}

function pageCount(total: number, perPage: number) {
  return Math.max(1, Math.ceil(total / perPage));
}

/**
 * Lists count at most this many rows: beyond it they say "1.000+" rather than read every
 * matching row on every request just to count them.
 */
export const countCap = 1000;

/** A count taken over at most countCap + 1 rows. */
export interface CappedTotal {
  /** the number of rows, or countCap when there are more */
  count: number;
  /** more than countCap rows */
  more: boolean;
}

export function cappedTotal(rowsCounted: number): CappedTotal {
  return rowsCounted > countCap
    ? { count: countCap, more: true }
    : { count: rowsCounted, more: false };
}

/**
 * A page of rows fetched with one extra (limit perPage + 1): the extra row only says there is
 * a next page, so the pager needs no exact count.
 */
export function pageOf<T>(rows: T[], page: Page) {
  return { rows: rows.slice(0, page.perPage), hasNext: rows.length > page.perPage };
}

/** What the pager shows: the page, the number of pages when known, whether there is a next. */
export function pagerOf(page: Page, total: CappedTotal, hasNext: boolean) {
  return {
    page: page.page,
    pages: total.more ? null : pageCount(total.count, page.perPage),
    hasNext,
  };
}
