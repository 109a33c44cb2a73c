import { emailOnlySchema } from "#app/modules/accounts/accounts.schema.ts";
import { sendAccountLink } from "#app/modules/accounts/accounts.server.ts";
import { FormRefusal, handleForm } from "../forms.server.ts";
import { type PipelineArgs, withVisitor } from "../pipeline.server.ts";
import { requestInfo, requestState } from "../session.server.ts";

/** Shared by "wachtwoord vergeten" and "inloggen met een link": same answer whether the address is known or not. */
export function requestAccountLink(args: PipelineArgs, purpose: "reset-password" | "magic-link") {
  return withVisitor(args, async ({ db }) =>
    handleForm(args.request, emailOnlySchema, async ({ email }) => {
      const outcome = await sendAccountLink(
        db,
        email,
        purpose,
        requestInfo(args.request, args.context.get(requestState)),
      );
      if (outcome.kind === "rate-limited") {
        throw new FormRefusal(
          "login.rateLimited",
          { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
          { minutes: Math.ceil(outcome.retryAfterSeconds / 60) },
        );
      }
      return { sentTo: email };
    }),
  );
}
