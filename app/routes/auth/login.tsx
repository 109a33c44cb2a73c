import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { isMessageKey } from "#app/i18n/messages.ts";
import { loginSchema } from "#app/modules/accounts/accounts.schema.ts";
import { authenticate } from "#app/modules/accounts/accounts.server.ts";
import { formValues, parseForm } from "#app/platform/forms.ts";
import { keepActionHeaders } from "#app/platform/http.server.ts";
import { ErrorSummary, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";
import { requestInfo, requestState, safeReturnPath, startSession } from "../session.server.ts";
import type { Route } from "./+types/login";

export function headers(args: Route.HeadersArgs) {
  return keepActionHeaders(args);
}

export function meta() {
  return [{ title: "Inloggen — Knooppunt" }];
}

export function loader({ context, request }: Route.LoaderArgs) {
  const url = new URL(request.url);
  if (context.get(requestState).actor)
    throw redirect(safeReturnPath(url.searchParams.get("terug")));
  const reason = url.searchParams.get("reden");
  return {
    returnTo: safeReturnPath(url.searchParams.get("terug")),
    reason:
      reason && isMessageKey(reason)
        ? reason
        : url.searchParams.has("terug")
          ? "login.required"
          : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const formData = await request.formData();
  const returnTo = safeReturnPath(String(formData.get("terug") ?? "/"));
  const form = parseForm(loginSchema, formData);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const state = context.get(requestState);
  const outcome = await authenticate(await getDb(), form.data, requestInfo(request, state));
  const values = formValues(formData);
  if (outcome.kind === "rate-limited") {
    return data(
      {
        errors: { form: "login.rateLimited" },
        values,
        minutes: Math.ceil(outcome.retryAfterSeconds / 60),
      },
      { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
    );
  }
  if (outcome.kind === "invalid")
    return data({ errors: { form: "login.invalid" }, values }, { status: 400 });
  if (outcome.kind === "unverified")
    return data({ errors: { form: "login.unverified" }, values }, { status: 400 });
  return redirect(returnTo, {
    headers: { "Set-Cookie": await startSession(outcome.userId, request, state) },
  });
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values ?? {};
  const minutes = actionData && "minutes" in actionData ? Number(actionData.minutes) : undefined;
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t("login.title")} />
      {loaderData.reason && !errors ? <Notice>{t(loaderData.reason)}</Notice> : null}
      <Card className="mt-4">
        <Form method="post" noValidate className="flex flex-col gap-4">
          <ErrorSummary errors={errors} params={{ minutes: minutes ?? 15 }} />
          <input type="hidden" name="terug" value={loaderData.returnTo} />
          <TextField
            name="email"
            type="email"
            label={t("field.email")}
            autoComplete="username"
            required
            error={errors?.email}
            defaultValue={String(values.email ?? "")}
          />
          <TextField
            name="password"
            type="password"
            label={t("field.password")}
            autoComplete="current-password"
            maxLength={128}
            required
            error={errors?.password}
          />
          <SubmitButton>{t("login.submit")}</SubmitButton>
        </Form>
      </Card>
      <ul className="mt-4 flex flex-col gap-2">
        <li>
          <Link to="/wachtwoord-vergeten" className="text-accent-700 underline">
            {t("login.forgot")}
          </Link>
        </li>
        <li>
          <Link to="/inloggen/link" className="text-accent-700 underline">
            {t("login.magicLink")}
          </Link>
        </li>
        <li>
          {t("login.noAccount")}{" "}
          <Link to="/registreren" className="text-accent-700 underline">
            {t("nav.register")}
          </Link>
        </li>
      </ul>
    </div>
  );
}
