import { Form, Link } from "react-router";
import type { MessageKey } from "#app/i18n/messages.ts";
import { SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card } from "#app/ui/layout.tsx";

/**
 * A link from an e-mail lands here and the user confirms with a button: no state
 * changes on GET, so mail scanners that follow links use nothing up.
 */
export function ConfirmLink({
  usable,
  texts,
  retryTo,
}: {
  usable: boolean;
  texts: { title: MessageKey; body: MessageKey; submit: MessageKey; invalid: MessageKey };
  retryTo: string;
}) {
  const t = useT();
  return (
    <div className="mx-auto max-w-md">
      <Card>
        <h1 className="text-2xl font-bold">{t(texts.title)}</h1>
        {usable ? (
          <Form method="post" className="mt-4 flex flex-col gap-4">
            <p>{t(texts.body)}</p>
            <SubmitButton>{t(texts.submit)}</SubmitButton>
          </Form>
        ) : (
          <p role="alert" className="mt-4">
            {t(texts.invalid)}{" "}
            <Link to={retryTo} className="text-accent-700 underline">
              {t("nav.login")}
            </Link>
          </p>
        )}
      </Card>
    </div>
  );
}
