import { data, Form } from "react-router";
import { z } from "zod";
import { getDb } from "#app/db/client.server.ts";
import {
  addProfessionalTheme,
  listProfessionalThemes,
  removeProfessionalTheme,
} from "#app/modules/progress/professional-themes.server.ts";
import { parseForm } from "#app/platform/forms.ts";
import { authorize } from "#app/platform/http.server.ts";
import { ErrorSummary, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/professional-themes";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.professionalThemes");
}

const themeSchema = z.object({
  name: z
    .string()
    .trim()
    .min(3, "error.professionalTheme.name")
    .max(80, "error.professionalTheme.name"),
});

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  authorize(actor.isPlatformAdmin, "not-found");
  return { themes: await listProfessionalThemes(await getDb()) };
}

export async function action({ context, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  // Rights before the form, the loader's check: for others this page does not exist.
  authorize(actor.isPlatformAdmin, "not-found");
  const formData = await request.formData();
  const db = await getDb();
  if (formData.get("intent") === "remove") {
    await removeProfessionalTheme(db, actor, String(formData.get("id") ?? ""));
    return { notice: "professionalTheme.removed" };
  }
  const form = parseForm(themeSchema, formData);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const result = await withFieldErrors(() => addProfessionalTheme(db, actor, form.data.name));
  if (!result.ok) return data({ errors: result.errors, values: form.data }, { status: 400 });
  return { notice: "professionalTheme.added" };
}

export default function ProfessionalThemes({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const errors =
    actionData && "errors" in actionData
      ? (actionData.errors as Record<string, string>)
      : undefined;
  const values =
    actionData && "values" in actionData
      ? (actionData.values as Record<string, string>)
      : undefined;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeader title={t("professionalTheme.title")} intro={t("professionalTheme.intro")} />
      {actionData && "notice" in actionData ? (
        <Notice tone="success">{t(actionData.notice)}</Notice>
      ) : null}
      <Card>
        <ul className="flex flex-col gap-2">
          {loaderData.themes.map((theme) => (
            <li key={theme.id} className="flex items-center justify-between gap-3">
              <span>{theme.name}</span>
              <Form method="post">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="id" value={theme.id} />
                <button
                  type="submit"
                  className="text-sm text-red-700 underline"
                  aria-label={t("professionalTheme.removeNamed", { name: theme.name })}
                >
                  {t("professionalTheme.remove")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <Form method="post" noValidate className="flex flex-col gap-3">
          <ErrorSummary errors={errors} />
          <TextField
            name="name"
            label={t("professionalTheme.name")}
            required
            error={errors?.name}
            defaultValue={values?.name ?? ""}
          />
          <div>
            <SubmitButton>{t("professionalTheme.add")}</SubmitButton>
          </div>
        </Form>
      </Card>
    </div>
  );
}
