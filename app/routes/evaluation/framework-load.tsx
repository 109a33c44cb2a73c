import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import { getDb } from "#app/db/client.server.ts";
import { assertCanLoadFramework, loadFramework } from "#app/modules/evaluation/selfscan.server.ts";
import { grantsOf } from "#app/platform/actor.ts";
import { parseForm } from "#app/platform/forms.ts";
import { authorize } from "#app/platform/http.server.ts";
import { ErrorSummary, SubmitButton, TextAreaField, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, PageHeader } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/framework-load";

export function meta() {
  return [{ title: "Competentieraamwerk laden — Knooppunt" }];
}

const frameworkSchema = z.object({
  name: z.string().trim().min(3, "error.framework.name").max(150, "error.framework.name"),
  framework: z.string().max(20000, "error.tooLong4000").default(""),
});

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  authorize(actor.isPlatformAdmin || grantsOf(actor, "organisation-admin").length > 0, "not-found");
  return null;
}

export async function action({ context, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  // Rights before the form: for others this page does not exist, nor do its field errors.
  assertCanLoadFramework(actor);
  const formData = await request.formData();
  const form = parseForm(frameworkSchema, formData);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const db = await getDb();
  const result = await withFieldErrors(() =>
    loadFramework(db, actor, { name: form.data.name, text: form.data.framework }),
  );
  if (!result.ok)
    return data(
      { errors: result.errors, values: form.data as Record<string, string> },
      { status: 400 },
    );
  return redirect(`/zelfscan?raamwerk=${result.value}`);
}

export default function FrameworkLoad({ actionData }: Route.ComponentProps) {
  const t = useT();
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values as Record<string, string> | undefined;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("framework.load")} intro={t("framework.intro")}>
        <Link to="/zelfscan" className="text-accent-700 underline">
          {t("selfscan.title")}
        </Link>
      </PageHeader>
      <Card>
        <Form method="post" noValidate className="flex flex-col gap-3">
          <ErrorSummary errors={errors} />
          <TextField
            name="name"
            label={t("framework.name")}
            required
            error={errors?.name}
            defaultValue={values?.name ?? ""}
          />
          <TextAreaField
            name="framework"
            label={t("framework.text")}
            hint={t("framework.text.hint")}
            required
            rows={12}
            error={errors?.framework}
            defaultValue={values?.framework ?? ""}
          />
          <div>
            <SubmitButton>{t("framework.save")}</SubmitButton>
          </div>
        </Form>
      </Card>
    </div>
  );
}
