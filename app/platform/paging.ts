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

export function pageCount(total: number, perPage: number) {
  return Math.max(1, Math.ceil(total / perPage));
}
