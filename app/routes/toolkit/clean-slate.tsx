import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import { themeKindLabel } from "#app/i18n/labels.ts";
import { cleanSlate, themesToDecide } from "#app/modules/toolkit/clean-slate.server.ts";
import { currentSchoolYear } from "#app/modules/toolkit/school-year.ts";
import {
  requireSpaceKeeper,
  spaceBase,
  spaceSummary,
} from "#app/modules/toolkit/space-access.server.ts";
import { cleanSlateSchema } from "#app/modules/toolkit/toolkit.schema.ts";
import { ErrorSummary, SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, formErrorOf, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, PageHeader, Tag } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleForm } from "../forms.server.ts";
import { withSpace } from "../pipeline.server.ts";
import type { Route } from "./+types/clean-slate";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.cleanSlate");
}

export async function loader(args: Route.LoaderArgs) {
  return withSpace(args, async ({ db, space }) => {
    requireSpaceKeeper(space, "not-found");
    const newYear = currentSchoolYear();
    return {
      space: spaceSummary(space),
      base: spaceBase(space),
      newYear,
      themes: await themesToDecide(db, space, newYear),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withSpace(args, async ({ db, space }) => {
    // Rights before the form: only the space's keepers wipe the slate.
    requireSpaceKeeper(space);
    return handleForm(args.request, cleanSlateSchema, async ({ newYear, decisions }) => {
      await cleanSlate(db, space, newYear, decisions);
      return redirect(`${spaceBase(space)}?melding=slate.done`);
    });
  });
}

export default function CleanSlate({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { themes, newYear, base } = loaderData;
  const [form] = useIntentForm<{ newYear: string }>("", actionData, { id: "slate" });
  const formError = formErrorOf(actionData);
  const errors = formError ? { form: formError, ...fieldErrorsOf(form) } : fieldErrorsOf(form);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("slate.title")} intro={loaderData.space.name}>
        <p className="text-slate-700">{t("slate.intro", { year: newYear })}</p>
        <Link to={base} className="text-accent-700 underline">
          {t("toolkit.back")}
        </Link>
      </PageHeader>
      <Card>
        {themes.length ? (
          <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
            <input type="hidden" name="newYear" value={newYear} />
            <ErrorSummary errors={errors} />
            {themes.map((theme) => (
              <fieldset key={theme.id} className="rounded-md border border-slate-300 p-3">
                <legend className="flex items-center gap-2 px-1 font-semibold">
                  {theme.name} <Tag>{t(themeKindLabel[theme.kind])}</Tag> {theme.schoolYear}
                </legend>
                <div className="flex flex-wrap gap-4">
                  <label className="flex items-center gap-2">
                    <input type="radio" name={`theme-${theme.id}`} value="close" required />
                    {t("slate.close")}
                  </label>
                  <label className="flex items-center gap-2">
                    <input type="radio" name={`theme-${theme.id}`} value="renew" />
                    {t("slate.renew", { year: newYear })}
                  </label>
                </div>
              </fieldset>
            ))}
            <div>
              <SubmitButton>{t("slate.confirm")}</SubmitButton>
            </div>
          </Form>
        ) : (
          <EmptyState>{t("slate.nothing", { year: newYear })}</EmptyState>
        )}
      </Card>
    </div>
  );
}
