import { getFormProps } from "@conform-to/react";
import { Form } from "react-router";
import type { MessageKey } from "#app/i18n/messages.ts";
import { ErrorSummary, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import {
  fieldErrorsOf,
  fieldProps,
  formErrorOf,
  formErrorParamsOf,
  useIntentForm,
} from "#app/ui/intent-form.ts";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";

/** The e-mail-only form behind "wachtwoord vergeten" and "inloggen met een link". */
export function AccountLinkForm({
  result,
  texts,
}: {
  /** the action's answer: { sentTo } once sent, or the form's errors */
  result: unknown;
  texts: { title: MessageKey; intro: MessageKey; submit: MessageKey; sent: MessageKey };
}) {
  const t = useT();
  const [form, fields] = useIntentForm<{ email: string }>("", result, { id: "account-link" });
  const formError = formErrorOf(result);
  const sentTo =
    typeof result === "object" && result && "sentTo" in result ? String(result.sentTo) : null;
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t(texts.title)} intro={t(texts.intro)} />
      {sentTo ? (
        <Notice tone="success">{t(texts.sent, { email: sentTo })}</Notice>
      ) : (
        <Card>
          <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
            <ErrorSummary
              errors={formError ? { form: formError } : fieldErrorsOf(form)}
              params={formErrorParamsOf(result)}
            />
            <TextField
              {...fieldProps(fields.email)}
              type="email"
              label={t("field.email")}
              autoComplete="email"
              required
            />
            <SubmitButton>{t(texts.submit)}</SubmitButton>
          </Form>
        </Card>
      )}
    </div>
  );
}
