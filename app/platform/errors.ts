/*
 * What a module says when it refuses. Modules throw these plain errors; the request pipeline
 * (app/routes/pipeline.server.ts) is the one place that turns them into 404, 403 and 400.
 */

/** The thing does not exist, or the actor may not know that it exists. */
export class NotFoundError extends Error {
  override name = "NotFoundError";
}

/** The actor knows the thing exists but may not do this with it. */
export class ForbiddenError extends Error {
  override name = "ForbiddenError";
}

/** A request only a hand-made form sends (an unknown intent, a tampered hidden field). */
export class BadRequestError extends Error {
  override name = "BadRequestError";
}

/** The HTTP status a refusal stands for; undefined for anything else (a real failure). */
export function refusalStatus(error: unknown) {
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof BadRequestError) return 400;
  return undefined;
}

/** Content the actor may not know exists: the Dutch 404 page, never a hint. */
export function notFound(): never {
  throw new NotFoundError();
}

function forbidden(): never {
  throw new ForbiddenError();
}

/** Authorisation in one line, before the work. */
export function authorize(allowed: boolean, whenDenied: "not-found" | "forbidden" = "forbidden") {
  if (allowed) return;
  if (whenDenied === "not-found") notFound();
  forbidden();
}
