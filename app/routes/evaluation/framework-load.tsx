import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import { type FrameworkForm, frameworkSchema } from "#app/modules/evaluation/evaluation.schema.ts";
import { assertCanLoadFramework, loadFramework } from "#app/modules/evaluation/selfscan.server.ts";
import { ErrorSummary, SubmitButton, TextAreaField, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleForm } from "../forms.server.ts";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/framework-load";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.frameworkLoad");
}

// For anyone but platform and school admins this page does not exist.
export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ actor }) => {
    assertCanLoadFramework(actor);
    return null;
  });
}

export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) => {
    // Rights before the form: for others this page does not exist, nor do its field errors.
    assertCanLoadFramework(actor);
    return handleForm(args.request, frameworkSchema, async ({ name, framework }) => {
      const id = await loadFramework(db, actor, { name, text: framework });
      return redirect(`/zelfscan?raamwerk=${id}`);
    });
  });
}

export default function FrameworkLoad({ actionData }: Route.ComponentProps) {
  const t = useT();
  const [form, fields] = useIntentForm<FrameworkForm>("", actionData, { id: "framework" });
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("framework.load")} intro={t("framework.intro")}>
        <Link to="/zelfscan" className="text-accent-700 underline">
          {t("selfscan.title")}
        </Link>
      </PageHeader>
      <Card>
        <Form method="post" {...getFormProps(form)} className="flex flex-col gap-3">
          <ErrorSummary errors={fieldErrorsOf(form)} />
          <TextField {...fieldProps(fields.name)} label={t("framework.name")} required />
          <TextAreaField
            {...fieldProps(fields.framework)}
            label={t("framework.text")}
            hint={t("framework.text.hint")}
            required
            rows={12}
          />
          <div>
            <SubmitButton>{t("framework.save")}</SubmitButton>
          </div>
        </Form>
      </Card>
    </div>
  );
}
