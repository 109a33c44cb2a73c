import { Form } from "react-router";
import { unsubscribeByToken } from "#app/modules/discussion/subscriptions.server.ts";
import { SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { withVisitor } from "../pipeline.server.ts";
import type { Route } from "./+types/unsubscribe";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.unsubscribe");
}

// The link only shows a button: mail scanners that open links must not unsubscribe anyone.
export async function action(args: Route.ActionArgs) {
  return withVisitor(args, async ({ db }) => {
    await unsubscribeByToken(db, args.params.token);
    return { done: true };
  });
}

export default function Unsubscribe({ actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <PageHeader title={t("unsubscribe.title")} />
      <Card>
        {actionData?.done ? (
          <Notice tone="success">{t("unsubscribe.done")}</Notice>
        ) : (
          <Form method="post" className="flex flex-col gap-3">
            <p>{t("unsubscribe.intro")}</p>
            <div>
              <SubmitButton>{t("unsubscribe.confirm")}</SubmitButton>
            </div>
          </Form>
        )}
      </Card>
    </div>
  );
}
