import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import { programmeGroupLabel } from "#app/i18n/labels.ts";
import { SavedNotice } from "#app/modules/toolkit/components/SavedNotice.tsx";
import { spaceBase } from "#app/modules/toolkit/space-access.server.ts";
import {
  addMoment,
  getThemeAnalysis,
  saveThemeAnalysis,
} from "#app/modules/toolkit/theme-analysis.server.ts";
import {
  type ThemeAnalysisPanelForm,
  themeAnalysisPanelSchema,
} from "#app/modules/toolkit/themes.schema.ts";
import { requireShape, themeRights } from "#app/modules/toolkit/themes.server.ts";
import { ErrorSummary, SubmitButton, TextAreaField, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card } from "#app/ui/layout.tsx";
import { RichText } from "#app/ui/rich-text.tsx";
import { handleIntents } from "../forms.server.ts";
import { withSpace } from "../pipeline.server.ts";
import { noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/theme-analysis";

// The theme analysis panel (figure 7.3): the canvas, printable, and its timeline's moments.
export async function loader(args: Route.LoaderArgs) {
  return withSpace(args, async ({ db, space }) => {
    const view = await getThemeAnalysis(db, space, args.params.themeId);
    return { ...view, base: spaceBase(space), notice: noticeFrom(args.request) };
  });
}

export async function action(args: Route.ActionArgs) {
  return withSpace(args, async ({ db, space }) => {
    const themeId = args.params.themeId;
    const saved = () =>
      redirect(`${spaceBase(space)}/themas/${themeId}?melding=theme.saved#thema-analyse`);
    // Rights before the form: an unknown theme is a 404; the canvas is the schakels' and keepers'.
    const rights = await themeRights(db, space, themeId);
    return handleIntents(
      args.request,
      themeAnalysisPanelSchema,
      {
        canvas: async ({ intent: _, ...form }) => {
          await saveThemeAnalysis(db, space, themeId, form);
          return saved();
        },
        moment: async ({ heldOn, title }) => {
          await addMoment(db, space, themeId, { heldOn, title });
          return saved();
        },
      },
      { authorize: () => requireShape(rights) },
    );
  });
}

export default function ThemeAnalysisPanel({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { analysis, moments, initiatives, schakels, signups, canShape, base } = loaderData;
  return (
    <section
      id="thema-analyse"
      aria-labelledby="canvas-title"
      className="theme-canvas flex flex-col gap-3"
    >
      <h2 id="canvas-title" className="text-xl font-semibold">
        {t("themeAnalysis.title")}
      </h2>
      <SavedNotice notice={loaderData.notice} />
      <div className="grid gap-3 md:grid-cols-3 print:grid-cols-3">
        <Card>
          <h3 className="font-semibold">{t("themeAnalysis.name")}</h3>
          <ul className="mt-1 flex flex-wrap gap-2">
            {(analysis?.words ?? []).map((word) => (
              <li key={word} className={word === analysis?.chosenName ? "font-bold underline" : ""}>
                {word}
              </li>
            ))}
          </ul>
          {analysis?.chosenName ? (
            <p className="mt-2">{t("themeAnalysis.chosen", { name: analysis.chosenName })}</p>
          ) : null}
        </Card>
        <Card>
          <h3 className="font-semibold">{t("themeAnalysis.remarks")}</h3>
          <RichText text={analysis?.remarks || "–"} />
        </Card>
        <Card>
          <h3 className="font-semibold">{t("themeAnalysis.story")}</h3>
          <RichText text={analysis?.story || "–"} />
        </Card>
        <Card>
          <h3 className="font-semibold">{t("themeAnalysis.ideas")}</h3>
          <RichText text={analysis?.ideas || "–"} />
        </Card>
        <Card>
          <h3 className="font-semibold">{t("themeAnalysis.initiatives")}</h3>
          <ul className="mt-1">
            {initiatives.map((i) => (
              <li key={i.id}>
                <Link to={`${base}/initiatieven/${i.id}`} className="text-accent-700 underline">
                  {i.name}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <h3 className="font-semibold">{t("themeAnalysis.network")}</h3>
          <ul className="mt-1">
            {schakels.map((s) => (
              <li key={s.userId}>
                {s.name} ({t("position.s")})
              </li>
            ))}
            {signups.map((s) => (
              <li key={`${s.userId}-${s.group}`}>
                {s.name} ({t(programmeGroupLabel[s.group])})
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <Card>
        <h3 className="font-semibold">{t("themeAnalysis.timeline")}</h3>
        <ol className="mt-2 flex flex-wrap items-center gap-2">
          <li className="rounded-md bg-slate-100 px-2 py-1">
            {t("themeAnalysis.start")}: {analysis?.startsOn ? t.date(analysis.startsOn) : "–"}
          </li>
          {moments.map((m) => (
            <li key={m.id} className="rounded-md bg-accent-50 px-2 py-1">
              {t.date(m.heldOn)}: {m.title}
            </li>
          ))}
          <li className="rounded-md bg-slate-900 px-2 py-1 text-white">
            {t("themeAnalysis.manifestation")}:{" "}
            {analysis?.manifestationOn ? t.date(analysis.manifestationOn) : "–"}
            {analysis?.manifestation ? ` · ${analysis.manifestation}` : ""}
          </li>
        </ol>
        <p className="mt-2 text-sm text-slate-700 print:hidden">{t("themeAnalysis.printHint")}</p>
      </Card>
      {canShape ? (
        // A save gives the canvas a new date: the forms start afresh, closed, without old errors.
        <CanvasForms
          key={String(analysis?.updatedAt ?? "")}
          actionData={actionData}
          analysis={analysis}
        />
      ) : null}
    </section>
  );
}

type Canvas = Route.ComponentProps["loaderData"]["analysis"];

function CanvasForms({ actionData, analysis }: { actionData: unknown; analysis: Canvas }) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<ThemeAnalysisPanelForm, { intent: "canvas" }>>(
    "canvas",
    actionData,
    {
      defaultValue: {
        words: (analysis?.words ?? []).join("\n"),
        chosenName: analysis?.chosenName ?? "",
        remarks: analysis?.remarks ?? "",
        story: analysis?.story ?? "",
        ideas: analysis?.ideas ?? "",
        startsOn: analysis?.startsOn ?? "",
        manifestationOn: analysis?.manifestationOn ?? "",
        manifestation: analysis?.manifestation ?? "",
      },
    },
  );
  const [momentForm, momentFields] = useIntentForm<
    Extract<ThemeAnalysisPanelForm, { intent: "moment" }>
  >("moment", actionData);
  const errors = fieldErrorsOf(form);
  return (
    <details className="print:hidden" open={!!errors || !analysis}>
      <summary className="cursor-pointer text-accent-700 underline">
        {t("themeAnalysis.edit")}
      </summary>
      <Form method="post" {...getFormProps(form)} className="mt-2 flex flex-col gap-3">
        <input type="hidden" name="intent" value="canvas" />
        <ErrorSummary errors={errors} />
        <TextAreaField
          label={t("themeAnalysis.words")}
          hint={t("themeAnalysis.wordsHint")}
          {...fieldProps(fields.words)}
        />
        <TextField label={t("themeAnalysis.chosenField")} {...fieldProps(fields.chosenName)} />
        <TextAreaField label={t("themeAnalysis.remarks")} {...fieldProps(fields.remarks)} />
        <TextAreaField label={t("themeAnalysis.story")} {...fieldProps(fields.story)} />
        <TextAreaField label={t("themeAnalysis.ideas")} {...fieldProps(fields.ideas)} />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            type="date"
            label={t("themeAnalysis.start")}
            {...fieldProps(fields.startsOn)}
          />
          <TextField
            type="date"
            label={t("themeAnalysis.manifestationOn")}
            {...fieldProps(fields.manifestationOn)}
          />
        </div>
        <TextField label={t("themeAnalysis.manifestation")} {...fieldProps(fields.manifestation)} />
        <div>
          <SubmitButton>{t("themeAnalysis.save")}</SubmitButton>
        </div>
      </Form>
      <Form
        method="post"
        {...getFormProps(momentForm)}
        className="mt-4 flex flex-wrap items-end gap-3"
      >
        <input type="hidden" name="intent" value="moment" />
        <TextField
          type="date"
          label={t("themeAnalysis.momentDay")}
          required
          {...fieldProps(momentFields.heldOn)}
        />
        <TextField
          label={t("themeAnalysis.momentTitle")}
          required
          {...fieldProps(momentFields.title)}
        />
        <SubmitButton variant="secondary">{t("themeAnalysis.addMoment")}</SubmitButton>
      </Form>
    </details>
  );
}
