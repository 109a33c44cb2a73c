import { getFormProps } from "@conform-to/react";
import { useEffect, useRef } from "react";
import { Form, Link, redirect, useFetcher, useNavigate, useSearchParams } from "react-router";
import { analysisCategoryLabel, positionLabel } from "#app/i18n/labels.ts";
import { type AnalysisPageForm, analysisPageSchema } from "#app/modules/toolkit/analysis.schema.ts";
import {
  addItem,
  getAnalysis,
  inviteSchakel,
  moveItem,
  removeItem,
  requireAnalysis,
  updateSchakel,
} from "#app/modules/toolkit/analysis.server.ts";
import { AnalysisList } from "#app/modules/toolkit/components/AnalysisList.tsx";
import { AnalysisPicture, downloadPng } from "#app/modules/toolkit/components/AnalysisPicture.tsx";
import { spaceBase, spaceSummary } from "#app/modules/toolkit/space-access.server.ts";
import { ingredientCategories, positions } from "#app/modules/toolkit/toolkit.schema.ts";
import {
  CheckboxGroup,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { checkedOf, fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleIntents } from "../forms.server.ts";
import { withSpace } from "../pipeline.server.ts";
import { baseUrl, noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/analysis";

export function meta({ loaderData, matches }: Route.MetaArgs) {
  return loaderData
    ? pageTitle(matches, "pageTitle.analysisOf", { centre: loaderData.analysis.centre })
    : pageTitle(matches, "pageTitle.analysis");
}

export async function loader(args: Route.LoaderArgs) {
  return withSpace(args, async ({ db, space }) => {
    const view = await getAnalysis(db, space, args.params.analysisId);
    return {
      ...view,
      space: spaceSummary(space),
      base: spaceBase(space),
      notice: noticeFrom(args.request),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withSpace(args, async ({ db, space }) => {
    const analysisId = args.params.analysisId;
    const here = `${spaceBase(space)}/netwerkanalyses/${analysisId}`;
    // Rights before the form: an analysis of another space (or none) is a 404, whatever it says.
    await requireAnalysis(db, space, analysisId);
    return handleIntents(args.request, analysisPageSchema, {
      move: async ({ itemId, x, y }) => {
        await moveItem(db, space, analysisId, itemId, { x, y });
        return { ok: true };
      },
      remove: async ({ itemId }) => {
        await removeItem(db, space, analysisId, itemId);
        return redirect(`${here}?melding=analysis.removed`);
      },
      invite: async ({ itemId }) => {
        await inviteSchakel(db, space, analysisId, itemId, `${baseUrl(args.request)}${here}`);
        return redirect(`${here}?item=${itemId}&melding=analysis.invited`);
      },
      update: async (form) => {
        await updateSchakel(db, space, analysisId, form.itemId, form);
        return redirect(`${here}?item=${form.itemId}&melding=analysis.saved`);
      },
      schakel: async (form) => {
        const id = await addItem(db, space, analysisId, {
          kind: "schakel",
          category: "persoon",
          ...form,
        });
        return redirect(`${here}?item=${id}&melding=analysis.added`);
      },
      ingredients: async ({ labels, category }) => {
        for (const label of labels)
          await addItem(db, space, analysisId, {
            kind: "ingredient",
            label,
            category,
            userId: null,
            ingredientIds: [],
          });
        return redirect(`${here}?melding=analysis.added`);
      },
    });
  });
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
  const selected = items.find((i) => i.id === selectedId) ?? null;
  const select = (id: string) =>
    navigate(`?item=${id}`, { preventScrollReset: true, replace: true });
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
          {selected ? <EditItem key={selected.id} item={selected} actionData={actionData} /> : null}
          <IngredientsForm actionData={actionData} />
          <SchakelForm actionData={actionData} people={people} ingredients={ingredients} />
        </div>
      </div>
      <AnalysisList items={items} />
    </div>
  );
}

type Item = Route.ComponentProps["loaderData"]["items"][number];

/** Steps 4 and 5 for one node: its name, story and contact, its position; invite or remove it. */
function EditItem({ item, actionData }: { item: Item; actionData: unknown }) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<AnalysisPageForm, { intent: "update" }>>(
    "update",
    actionData,
    {
      defaultValue: {
        label: item.label,
        story: item.story,
        email: item.email,
        position: item.position ?? "",
      },
    },
  );
  // The invitation needs a story and an address: what is missing is said at the invite button.
  const [inviteForm] = useIntentForm<Extract<AnalysisPageForm, { intent: "invite" }>>(
    "invite",
    actionData,
  );
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("analysis.edit", { label: item.label })}</h2>
      <Form method="post" {...getFormProps(form)} className="mt-2 flex flex-col gap-3">
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="itemId" value={item.id} />
        <ErrorSummary errors={fieldErrorsOf(form)} />
        <TextField label={t("analysis.name")} {...fieldProps(fields.label)} />
        {item.kind === "schakel" ? (
          <>
            <TextAreaField
              label={t("analysis.story")}
              hint={t("analysis.storyHint")}
              {...fieldProps(fields.story)}
            />
            <TextField
              type="email"
              label={t("analysis.email")}
              hint={
                item.personName ? t("analysis.emailKnown", { name: item.personName }) : undefined
              }
              {...fieldProps(fields.email)}
            />
          </>
        ) : null}
        <SelectField
          label={t("analysis.position")}
          {...fieldProps(fields.position)}
          placeholder={t("analysis.noPosition")}
          options={positions.map((p) => ({ value: p, label: `${p} – ${t(positionLabel[p])}` }))}
        />
        <div className="flex flex-wrap gap-2">
          <SubmitButton>{t("analysis.save")}</SubmitButton>
        </div>
      </Form>
      {item.kind === "schakel" ? (
        <Form method="post" {...getFormProps(inviteForm)} className="mt-3 flex flex-col gap-2">
          <input type="hidden" name="intent" value="invite" />
          <input type="hidden" name="itemId" value={item.id} />
          <ErrorSummary errors={fieldErrorsOf(inviteForm)} />
          <div>
            <SubmitButton variant="secondary">
              {item.invitedAt ? t("analysis.inviteAgain") : t("analysis.invite")}
            </SubmitButton>
          </div>
        </Form>
      ) : null}
      <Form method="post" className="mt-3">
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name="itemId" value={item.id} />
        <SubmitButton variant="danger">{t("analysis.remove", { label: item.label })}</SubmitButton>
      </Form>
    </Card>
  );
}

/** Step 2: ingredients, one per line. */
function IngredientsForm({ actionData }: { actionData: unknown }) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<AnalysisPageForm, { intent: "ingredients" }>>(
    "ingredients",
    actionData,
    { defaultValue: { category: "idee" } },
  );
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("analysis.step2")}</h2>
      <Form method="post" {...getFormProps(form)} className="mt-2 flex flex-col gap-3">
        <input type="hidden" name="intent" value="ingredients" />
        <TextAreaField
          label={t("analysis.ingredients")}
          hint={t("analysis.ingredientsHint")}
          required
          {...fieldProps(fields.labels)}
        />
        <SelectField
          label={t("analysis.category")}
          {...fieldProps(fields.category)}
          options={ingredientCategories.map((c) => ({
            value: c,
            label: t(analysisCategoryLabel[c]),
          }))}
        />
        <div>
          <SubmitButton>{t("analysis.addIngredients")}</SubmitButton>
        </div>
      </Form>
    </Card>
  );
}

/** Step 3: a schakel, a colleague or someone named, linked to ingredients. */
function SchakelForm({
  actionData,
  people,
  ingredients,
}: {
  actionData: unknown;
  people: { userId: string; name: string }[];
  ingredients: Item[];
}) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<AnalysisPageForm, { intent: "schakel" }>>(
    "schakel",
    actionData,
  );
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("analysis.step3")}</h2>
      <Form method="post" {...getFormProps(form)} className="mt-2 flex flex-col gap-3">
        <input type="hidden" name="intent" value="schakel" />
        <ErrorSummary errors={fieldErrorsOf(form)} />
        <SelectField
          label={t("analysis.person")}
          {...fieldProps(fields.userId)}
          placeholder={t("analysis.notInSchool")}
          options={people.map((p) => ({ value: p.userId, label: p.name }))}
        />
        <TextField
          label={t("analysis.schakelName")}
          hint={t("analysis.schakelNameHint")}
          {...fieldProps(fields.label)}
        />
        {ingredients.length ? (
          <CheckboxGroup
            name={fields.ingredientIds.name}
            legend={t("analysis.connects")}
            error={fields.ingredientIds.errors?.[0]}
            selected={checkedOf(fields.ingredientIds)}
            options={ingredients.map((i) => ({ value: i.id, label: i.label }))}
          />
        ) : null}
        <div>
          <SubmitButton>{t("analysis.addSchakel")}</SubmitButton>
        </div>
      </Form>
    </Card>
  );
}
