import { getFormProps } from "@conform-to/react";
import { Form } from "react-router";
import { ErrorSummary, SubmitButton, TextAreaField, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card } from "#app/ui/layout.tsx";
import type { NetworkPageForm } from "../memberships.schema.ts";

/** A member of a network joined by nomination proposes a colleague by e-mail address. */
export function NominationCard({ actionData }: { actionData: unknown }) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<NetworkPageForm, { intent: "nominate" }>>(
    "nominate",
    actionData,
  );
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("net.page.nominate")}</h2>
      <p className="text-sm text-slate-700">{t("net.page.nominate.hint")}</p>
      <Form method="post" {...getFormProps(form)} className="mt-3 flex flex-col gap-3">
        <input type="hidden" name="intent" value="nominate" />
        <ErrorSummary errors={fieldErrorsOf(form)} />
        <TextField
          type="email"
          label={t("net.page.nominate.email")}
          {...fieldProps(fields.email)}
        />
        <TextAreaField label={t("net.page.nominate.note")} rows={2} {...fieldProps(fields.note)} />
        <div>
          <SubmitButton>{t("net.page.nominate.submit")}</SubmitButton>
        </div>
      </Form>
    </Card>
  );
}
