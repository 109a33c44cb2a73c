import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { schoolYearPattern } from "#app/modules/toolkit/toolkit.schema.ts";
import {
  assertSpaceKeeper,
  cleanSlate,
  loadSpace,
  themesToDecide,
} from "#app/modules/toolkit/toolkit.server.ts";
import { authorize } from "#app/platform/http.server.ts";
import { ErrorSummary, SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, PageHeader, Tag } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/clean-slate";
import { currentSchoolYear, spaceFrom } from "./space.server.ts";

export function meta() {
  return [{ title: "Schone lei — Knooppunt" }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const { kind, spaceId, base } = spaceFrom(request, params.spaceId);
  const db = await getDb();
  const space = await loadSpace(db, actor, kind, spaceId);
  authorize(space.isKeeper, "not-found");
  const newYear = currentSchoolYear();
  return { space, base, newYear, themes: await themesToDecide(db, actor, kind, spaceId, newYear) };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const { kind, spaceId, base } = spaceFrom(request, params.spaceId);
  const db = await getDb();
  // Rights before the form: only the space's keepers wipe the slate.
  await assertSpaceKeeper(db, actor, kind, spaceId);
  const formData = await request.formData();
  const newYear = String(formData.get("newYear") ?? "");
  if (!schoolYearPattern.test(newYear))
    return data({ errors: { form: "error.toolkit.schoolYear" } }, { status: 400 });
  const decisions: Record<string, "close" | "renew"> = {};
  for (const [key, value] of formData) {
    if (key.startsWith("theme-") && (value === "close" || value === "renew"))
      decisions[key.slice(6)] = value;
  }
  const result = await withFieldErrors(() =>
    cleanSlate(db, actor, kind, spaceId, newYear, decisions),
  );
  if (!result.ok) return data({ errors: result.errors }, { status: 400 });
  return redirect(`${base}?melding=slate.done`);
}

export default function CleanSlate({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { themes, newYear, base } = loaderData;
  const errors = actionData?.errors as Record<string, string> | undefined;
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
          <Form method="post" className="flex flex-col gap-4">
            <input type="hidden" name="newYear" value={newYear} />
            <ErrorSummary errors={errors} />
            {themes.map((theme) => (
              <fieldset key={theme.id} className="rounded-md border border-slate-300 p-3">
                <legend className="flex items-center gap-2 px-1 font-semibold">
                  {theme.name} <Tag>{t(`theme.kind.${theme.kind}`)}</Tag> {theme.schoolYear}
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
