import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { registerSchema } from "#app/modules/accounts/accounts.schema.ts";
import { registerUser } from "#app/modules/accounts/accounts.server.ts";
import { NewPasswordField } from "#app/modules/accounts/components/new-password-field.tsx";
import { FieldError, parseForm } from "#app/platform/forms.ts";
import { ErrorSummary, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, PageHeader } from "#app/ui/layout.tsx";
import { requestInfo, requestState } from "../session.server.ts";
import type { Route } from "./+types/register";

export function meta() {
  return [{ title: "Account maken — Knooppunt" }];
}

export function loader({ context }: Route.LoaderArgs) {
  if (context.get(requestState).actor) throw redirect("/");
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = parseForm(registerSchema, await request.formData());
  if (!form.ok)
    return data({ errors: form.errors, values: form.values, sentTo: null }, { status: 400 });
  try {
    await registerUser(await getDb(), form.data, requestInfo(request, context.get(requestState)));
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    const errors: Record<string, string> = { [error.field]: error.messageKey };
    const values = { name: form.data.name, email: form.data.email };
    return data({ errors, values, sentTo: null }, { status: 400 });
  }
  return { errors: undefined, values: undefined, sentTo: form.data.email };
}

export default function Register({ actionData }: Route.ComponentProps) {
  const t = useT();
  if (actionData?.sentTo) {
    return (
      <Card>
        <h1 className="text-2xl font-bold">{t("register.done.title")}</h1>
        <p role="status" className="mt-3 text-slate-700">
          {t("register.done.body", { email: actionData.sentTo })}
        </p>
      </Card>
    );
  }
  const errors = actionData?.errors;
  const values = actionData?.values ?? {};
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t("register.title")} intro={t("register.intro")} />
      <Card>
        <Form method="post" noValidate className="flex flex-col gap-4">
          <ErrorSummary errors={errors} />
          <TextField
            name="name"
            label={t("field.name")}
            autoComplete="name"
            required
            error={errors?.name}
            defaultValue={String(values.name ?? "")}
          />
          <TextField
            name="email"
            type="email"
            label={t("field.email")}
            autoComplete="email"
            required
            error={errors?.email}
            defaultValue={String(values.email ?? "")}
          />
          <NewPasswordField label={t("field.password")} error={errors?.password} />
          <SubmitButton>{t("register.submit")}</SubmitButton>
        </Form>
      </Card>
      <p className="mt-4">
        {t("register.haveAccount")}{" "}
        <Link to="/inloggen" className="text-accent-700 underline">
          {t("nav.login")}
        </Link>
      </p>
    </div>
  );
}
