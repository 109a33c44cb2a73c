import { data, type RouterContextProvider } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { emailOnlySchema } from "#app/modules/accounts/accounts.schema.ts";
import { sendAccountLink } from "#app/modules/accounts/accounts.server.ts";
import { parseForm } from "#app/platform/forms.ts";
import { requestInfo, requestState } from "../session.server.ts";

/** Shared by "wachtwoord vergeten" and "inloggen met een link": same answer whether the address is known or not. */
export async function requestAccountLink(
  request: Request,
  context: Readonly<RouterContextProvider>,
  purpose: "reset-password" | "magic-link",
) {
  const formData = await request.formData();
  const form = parseForm(emailOnlySchema, formData);
  if (!form.ok)
    return data(
      { errors: form.errors, values: form.values, sentTo: null, minutes: 0 },
      { status: 400 },
    );
  const outcome = await sendAccountLink(
    await getDb(),
    form.data.email,
    purpose,
    requestInfo(request, context.get(requestState)),
  );
  if (outcome.kind === "rate-limited") {
    return data(
      {
        errors: { form: "login.rateLimited" },
        values: form.data,
        sentTo: null,
        minutes: Math.ceil(outcome.retryAfterSeconds / 60),
      },
      { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
    );
  }
  return { errors: undefined, values: undefined, sentTo: form.data.email, minutes: 0 };
}
