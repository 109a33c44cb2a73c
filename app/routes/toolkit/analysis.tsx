import { useEffect, useRef } from "react";
import { data, Form, Link, redirect, useFetcher, useNavigate, useSearchParams } from "react-router";
import { z } from "zod";
import { getDb } from "#app/db/client.server.ts";
import {
  addItem,
  assertAnalysisInSpace,
  getAnalysis,
  inviteSchakel,
  moveItem,
  removeItem,
  updateSchakel,
} from "#app/modules/toolkit/analysis.server.ts";
import { AnalysisPicture, downloadPng } from "#app/modules/toolkit/components/AnalysisPicture.tsx";
import { ingredientCategories, positions } from "#app/modules/toolkit/toolkit.schema.ts";
import { parseForm } from "#app/platform/forms.ts";
import {
  CheckboxGroup,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  targetedForm,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, Notice, PageHeader } from "#app/ui/layout.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { baseUrl, noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/analysis";
import { spaceFrom } from "./space.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `Netwerkanalyse ${loaderData?.analysis.centre ?? ""} — Knooppunt` }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const { kind, spaceId, base } = spaceFrom(request, params.spaceId);
  const view = await getAnalysis(await getDb(), actor, kind, spaceId, params.analysisId);
  return {
    ...view,
    base,
    notice: noticeFrom(request),
  };
}

const brainstormSchema = z.object({
  labels: z
    .string()
    .transform((text) =>
      text
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().max(120, "error.analysis.label"))
        .min(1, "error.analysis.ingredients")
        .max(40),
    ),
  category: z.enum(ingredientCategories).default("anders"),
});

const schakelSchema = z.object({
  label: z.string().trim().max(120, "error.analysis.label").default(""),
  userId: z
    .string()
    .default("")
    .transform((v) => v || null)
    .pipe(z.uuid("error.toolkit.person").nullable()),
  ingredientIds: z.array(z.uuid()).default([]),
});

const updateSchema = z.object({
  itemId: z.uuid(),
  label: z.string().trim().max(120, "error.analysis.label").default(""),
  story: z.string().trim().max(4000, "error.tooLong4000").default(""),
  email: z
    .string()
    .trim()
    .default("")
    .pipe(z.union([z.literal(""), z.email("error.email.invalid")])),
  position: z
    .string()
    .default("")
    .transform((v) => v || null)
    .pipe(z.enum(positions, { error: "error.toolkit.position" }).nullable()),
});

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const { kind, spaceId, base } = spaceFrom(request, params.spaceId);
  const here = `${base}/netwerkanalyses/${params.analysisId}`;
  const db = await getDb();
  // Rights before the form: an analysis of another space (or none) is a 404, not field errors.
  await assertAnalysisInSpace(db, actor, kind, spaceId, params.analysisId);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const itemId = String(formData.get("itemId") ?? "");
  const args = [db, actor, kind, spaceId, params.analysisId] as const;
  if (intent === "move") {
    const x = Number(formData.get("x"));
    const y = Number(formData.get("y"));
    if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 5000 || Math.abs(y) > 5000)
      return data({ ok: false }, { status: 400 });
    await moveItem(...args, itemId, { x, y });
    return { ok: true };
  }
  if (intent === "remove") {
    await removeItem(...args, itemId);
    return redirect(`${here}?melding=analysis.removed`);
  }
  if (intent === "invite") {
    const result = await withFieldErrors(() =>
      inviteSchakel(...args, itemId, `${baseUrl(request)}${here}`),
    );
    if (!result.ok) return data({ target: "update", errors: result.errors }, { status: 400 });
    return redirect(`${here}?item=${itemId}&melding=analysis.invited`);
  }
  if (intent === "update") {
    const form = parseForm(updateSchema, formData);
    if (!form.ok)
      return data({ target: "update", errors: form.errors, values: form.values }, { status: 400 });
    const result = await withFieldErrors(() => updateSchakel(...args, form.data.itemId, form.data));
    if (!result.ok)
      return data(
        { target: "update", errors: result.errors, values: Object.fromEntries(formData) },
        { status: 400 },
      );
    return redirect(`${here}?item=${form.data.itemId}&melding=analysis.saved`);
  }
  if (intent === "schakel") {
    const form = parseForm(schakelSchema, formData, ["ingredientIds"]);
    if (!form.ok)
      return data({ target: "schakel", errors: form.errors, values: form.values }, { status: 400 });
    const result = await withFieldErrors(() =>
      addItem(...args, { kind: "schakel", category: "persoon", ...form.data }),
    );
    if (!result.ok)
      return data(
        { target: "schakel", errors: result.errors, values: Object.fromEntries(formData) },
        { status: 400 },
      );
    return redirect(`${here}?item=${result.value}&melding=analysis.added`);
  }
  const form = parseForm(brainstormSchema, formData);
  if (!form.ok)
    return data(
      { target: "ingredients", errors: form.errors, values: form.values },
      { status: 400 },
    );
  for (const label of form.data.labels)
    await addItem(...args, {
      kind: "ingredient",
      label,
      category: form.data.category,
      userId: null,
      ingredientIds: [],
    });
  return redirect(`${here}?melding=analysis.added`);
}

export default function Analysis({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { base } = loaderData;
  // Several people may be adding at once. Their additions are picked up every few seconds by a
  // fetcher, also while this person is typing: it replaces no field and no message of this
  // page's own forms (a revalidation clears the action's errors, so it used to wait until nobody
  // was in a field, and someone always is: the view stayed an addition behind until a reload).
  // Whichever view has the higher revision is shown, this page's own or the one picked up.
  const live = useFetcher<typeof loader>();
  const latest =
    live.data && live.data.analysis.revision > loaderData.analysis.revision
      ? live.data
      : loaderData;
  const { analysis, items, people } = latest;
  // The selection lives in the URL; reading it here keeps the edit form when a refresh lands.
  const [params] = useSearchParams();
  const selectedId = params.get("item");
  const { errorsFor, valueFor } = targetedForm(actionData);
  const navigate = useNavigate();
  const mover = useFetcher();
  const svgRef = useRef<SVGSVGElement | null>(null);
  const here = `${base}/netwerkanalyses/${analysis.id}`;
  const { load, state: liveState } = live;
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && liveState === "idle") load(here);
    }, 4000);
    return () => clearInterval(timer);
  }, [load, liveState, here]);
  const ingredients = items.filter((i) => i.kind === "ingredient");
  const schakels = items.filter((i) => i.kind === "schakel");
  const selected = items.find((i) => i.id === selectedId) ?? null;
  const labelOf = new Map(items.map((i) => [i.id, i.label]));
  const select = (id: string) =>
    navigate(`?item=${id}`, { preventScrollReset: true, replace: true });
  const updateErrors = errorsFor("update");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("analysis.of", { centre: analysis.centre })}
        intro={loaderData.space.name}
      >
        <nav aria-label={t("analysis.exports")} className="flex flex-wrap gap-4">
          <Link to={`${base}/netwerkanalyses`} className="text-accent-700 underline">
            {t("analysis.list")}
          </Link>
          <a href={`${here}/tabel.csv`} className="text-accent-700 underline">
            {t("analysis.exportTable")}
          </a>
          <button
            type="button"
            className="text-accent-700 underline"
            onClick={() =>
              svgRef.current && downloadPng(svgRef.current, `netwerkanalyse-${analysis.centre}.png`)
            }
          >
            {t("analysis.exportPng")}
          </button>
        </nav>
      </PageHeader>
      {loaderData.notice ? <Notice tone="success">{t(loaderData.notice)}</Notice> : null}
      <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
        <Card>
          <h2 className="text-lg font-semibold">{t("analysis.picture")}</h2>
          <p className="text-sm text-slate-700">{t("analysis.pictureHint")}</p>
          <div className="mt-2">
            <AnalysisPicture
              centre={analysis.centre}
              items={items}
              selectedId={selectedId}
              svgRef={svgRef}
              onSelect={select}
              onMove={(itemId, x, y) =>
                mover.submit({ intent: "move", itemId, x, y }, { method: "post" })
              }
            />
          </div>
        </Card>
        <div className="flex flex-col gap-6">
          {selected ? (
            <Card>
              <h2 className="text-lg font-semibold">
                {t("analysis.edit", { label: selected.label })}
              </h2>
              <Form method="post" className="mt-2 flex flex-col gap-3" key={selected.id}>
                <input type="hidden" name="intent" value="update" />
                <input type="hidden" name="itemId" value={selected.id} />
                <ErrorSummary errors={updateErrors} />
                <TextField
                  name="label"
                  id="edit-label"
                  label={t("analysis.name")}
                  error={updateErrors?.label}
                  defaultValue={valueFor("update", "label", selected.label)}
                />
                {selected.kind === "schakel" ? (
                  <>
                    <TextAreaField
                      name="story"
                      id="edit-story"
                      label={t("analysis.story")}
                      hint={t("analysis.storyHint")}
                      error={updateErrors?.story}
                      defaultValue={valueFor("update", "story", selected.story)}
                    />
                    <TextField
                      name="email"
                      id="edit-email"
                      type="email"
                      label={t("analysis.email")}
                      hint={
                        selected.personName
                          ? t("analysis.emailKnown", { name: selected.personName })
                          : undefined
                      }
                      error={updateErrors?.email}
                      defaultValue={valueFor("update", "email", selected.email)}
                    />
                  </>
                ) : null}
                <SelectField
                  name="position"
                  id="edit-position"
                  label={t("analysis.position")}
                  error={updateErrors?.position}
                  defaultValue={valueFor("update", "position", selected.position ?? "")}
                  placeholder={t("analysis.noPosition")}
                  options={positions.map((p) => ({
                    value: p,
                    label: `${p} – ${t(`position.${p}`)}`,
                  }))}
                />
                <div className="flex flex-wrap gap-2">
                  <SubmitButton>{t("analysis.save")}</SubmitButton>
                </div>
              </Form>
              {selected.kind === "schakel" ? (
                <Form method="post" className="mt-3">
                  <input type="hidden" name="intent" value="invite" />
                  <input type="hidden" name="itemId" value={selected.id} />
                  <SubmitButton variant="secondary">
                    {selected.invitedAt ? t("analysis.inviteAgain") : t("analysis.invite")}
                  </SubmitButton>
                </Form>
              ) : null}
              <Form method="post" className="mt-3">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="itemId" value={selected.id} />
                <SubmitButton variant="danger">
                  {t("analysis.remove", { label: selected.label })}
                </SubmitButton>
              </Form>
            </Card>
          ) : null}
          <Card>
            <h2 className="text-lg font-semibold">{t("analysis.step2")}</h2>
            <Form method="post" className="mt-2 flex flex-col gap-3">
              <input type="hidden" name="intent" value="ingredients" />
              <TextAreaField
                name="labels"
                label={t("analysis.ingredients")}
                hint={t("analysis.ingredientsHint")}
                required
                error={errorsFor("ingredients")?.labels}
                defaultValue={valueFor("ingredients", "labels")}
              />
              <SelectField
                name="category"
                label={t("analysis.category")}
                defaultValue={valueFor("ingredients", "category", "idee")}
                options={ingredientCategories.map((c) => ({
                  value: c,
                  label: t(`analysis.category.${c}`),
                }))}
              />
              <div>
                <SubmitButton>{t("analysis.addIngredients")}</SubmitButton>
              </div>
            </Form>
          </Card>
          <Card>
            <h2 className="text-lg font-semibold">{t("analysis.step3")}</h2>
            <Form method="post" className="mt-2 flex flex-col gap-3">
              <input type="hidden" name="intent" value="schakel" />
              <ErrorSummary errors={errorsFor("schakel")} />
              <SelectField
                name="userId"
                label={t("analysis.person")}
                error={errorsFor("schakel")?.userId}
                defaultValue={valueFor("schakel", "userId")}
                placeholder={t("analysis.notInSchool")}
                options={people.map((p) => ({ value: p.userId, label: p.name }))}
              />
              <TextField
                name="label"
                id="schakel-label"
                label={t("analysis.schakelName")}
                hint={t("analysis.schakelNameHint")}
                error={errorsFor("schakel")?.label}
                defaultValue={valueFor("schakel", "label")}
              />
              {ingredients.length ? (
                <CheckboxGroup
                  name="ingredientIds"
                  legend={t("analysis.connects")}
                  error={errorsFor("schakel")?.ingredientIds}
                  selected={[]}
                  options={ingredients.map((i) => ({ value: i.id, label: i.label }))}
                />
              ) : null}
              <div>
                <SubmitButton>{t("analysis.addSchakel")}</SubmitButton>
              </div>
            </Form>
          </Card>
        </div>
      </div>
      <Card>
        <h2 className="text-lg font-semibold">{t("analysis.asList")}</h2>
        <h3 className="mt-2 font-semibold">{t("analysis.schakels", { count: schakels.length })}</h3>
        {schakels.length ? (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[40rem] text-left text-sm">
              <caption className="sr-only">
                {t("analysis.schakels", { count: schakels.length })}
              </caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="p-2">
                    {t("analysis.name")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("analysis.position")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("analysis.connects")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("analysis.story")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {schakels.map((item) => (
                  <tr key={item.id} className="border-t border-slate-200 align-top">
                    <th scope="row" className="p-2 font-medium">
                      <Link
                        to={`?item=${item.id}`}
                        preventScrollReset
                        className="text-accent-700 underline"
                      >
                        {item.label}
                      </Link>
                      {item.personName && item.personName !== item.label
                        ? ` (${item.personName})`
                        : ""}
                    </th>
                    <td className="p-2">
                      {item.position ? `${item.position} – ${t(`position.${item.position}`)}` : "–"}
                    </td>
                    <td className="p-2">
                      {item.linkedTo.map((id) => labelOf.get(id)).join(", ") || "–"}
                    </td>
                    <td className="p-2">
                      {item.story || "–"}
                      {item.invitedAt
                        ? ` · ${t("analysis.invitedOn", { date: t.date(item.invitedAt) })}`
                        : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState>{t("analysis.noSchakels")}</EmptyState>
        )}
        <h3 className="mt-4 font-semibold">
          {t("analysis.ingredientList", { count: ingredients.length })}
        </h3>
        {ingredients.length ? (
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {ingredients.map((item) => (
              <li key={item.id}>
                <Link
                  to={`?item=${item.id}`}
                  preventScrollReset
                  className="text-accent-700 underline"
                >
                  {item.label}
                </Link>{" "}
                <span className="text-sm text-slate-700">
                  ({t(`analysis.category.${item.category}`)})
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState>{t("analysis.noIngredients")}</EmptyState>
        )}
      </Card>
    </div>
  );
}
