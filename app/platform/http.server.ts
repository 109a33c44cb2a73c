import { data } from "react-router";

/** Content the actor may not know exists: the Dutch 404 page, never a hint. */
export function notFound(): never {
  throw data(null, { status: 404 });
}

function forbidden(): never {
  throw data(null, { status: 403 });
}

/** Authorisation in one line, before the work. */
export function authorize(allowed: boolean, whenDenied: "not-found" | "forbidden" = "forbidden") {
  if (allowed) return;
  if (whenDenied === "not-found") notFound();
  forbidden();
}

export function clientAddress(request: Request) {
  return request.headers.get("x-knooppunt-client-ip") ?? "unknown";
}

/**
 * A route's document response only carries an action's headers when the route says so;
 * a 429 must tell the client when to try again (Retry-After).
 */
export function keepActionHeaders({
  actionHeaders,
  loaderHeaders,
}: {
  actionHeaders: Headers;
  loaderHeaders: Headers;
}) {
  return actionHeaders.has("Retry-After") ? actionHeaders : loaderHeaders;
}

/** A value that only a hand-made request gets wrong (a hidden field, a button's value): 400, not 500. */
export function requireValid<T>(
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  value: unknown,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw data(null, { status: 400 });
  return parsed.data;
}
