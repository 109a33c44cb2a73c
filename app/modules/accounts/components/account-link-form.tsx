import { Form } from "react-router";
import type { MessageKey } from "#app/i18n/messages.ts";
import { ErrorSummary, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";

export interface AccountLinkResult {
  errors?: Record<string, string>;
  values?: Record<string, unknown>;
  sentTo: string | null;
  minutes: number;
}

/** The e-mail-only form behind "wachtwoord vergeten" and "inloggen met een link". */
export function AccountLinkForm({
  result,
  texts,
}: {
  result: AccountLinkResult | undefined;
  texts: { title: MessageKey; intro: MessageKey; submit: MessageKey; sent: MessageKey };
}) {
  const t = useT();
  const errors = result?.errors;
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title={t(texts.title)} intro={t(texts.intro)} />
      {result?.sentTo ? (
        <Notice tone="success">{t(texts.sent, { email: result.sentTo })}</Notice>
      ) : (
        <Card>
          <Form method="post" noValidate className="flex flex-col gap-4">
            <ErrorSummary errors={errors} params={{ minutes: result?.minutes ?? 60 }} />
            <TextField
              name="email"
              type="email"
              label={t("field.email")}
              autoComplete="email"
              required
              error={errors?.email}
              defaultValue={String(result?.values?.email ?? "")}
            />
            <SubmitButton>{t(texts.submit)}</SubmitButton>
          </Form>
        </Card>
      )}
    </div>
  );
}
