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
