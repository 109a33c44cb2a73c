import { data } from "react-router";

/** Content the actor may not know exists: the Dutch 404 page, never a hint. */
export function notFound(): never {
  throw data(null, { status: 404 });
}

export function forbidden(): never {
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
