import { getFormProps } from "@conform-to/react";
import { Form } from "react-router";
import {
  addProfessionalTheme,
  listProfessionalThemes,
  removeProfessionalTheme,
} from "#app/modules/progress/professional-themes.server.ts";
import {
  type ProfessionalThemesForm,
  professionalThemesPageSchema,
} from "#app/modules/progress/progress.schema.ts";
import { ErrorSummary, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleIntents } from "../forms.server.ts";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/professional-themes";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.professionalThemes");
}

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db }) => ({ themes: await listProfessionalThemes(db) }));
}

export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) =>
    handleIntents(args.request, professionalThemesPageSchema, {
      remove: async ({ id }) => {
        await removeProfessionalTheme(db, actor, id);
        return { notice: "professionalTheme.removed" as const };
      },
      add: async ({ name }) => {
        await addProfessionalTheme(db, actor, name);
        return { notice: "professionalTheme.added" as const };
      },
    }),
  );
}

export default function ProfessionalThemes({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<ProfessionalThemesForm, { intent: "add" }>>(
    "add",
    actionData,
  );
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
        <Form method="post" {...getFormProps(form)} className="flex flex-col gap-3">
          <input type="hidden" name="intent" value="add" />
          <ErrorSummary errors={fieldErrorsOf(form)} />
          <TextField {...fieldProps(fields.name)} label={t("professionalTheme.name")} required />
          <div>
            <SubmitButton>{t("professionalTheme.add")}</SubmitButton>
          </div>
        </Form>
      </Card>
    </div>
  );
}
