import { type FieldMetadata, getFormProps } from "@conform-to/react";
import { Form } from "react-router";
import { registerFormLabel } from "#app/i18n/labels.ts";
import type { RegisterPageForm } from "#app/modules/register/register.schema.ts";
import {
  CheckboxGroup,
  ErrorSummary,
  FileField,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";

type FormOf<I extends RegisterPageForm["intent"]> = Extract<RegisterPageForm, { intent: I }>;

interface CatalogueItem {
  id: string;
  title: string;
  provider: string;
  percentage: number;
}

/** The three ways to add to the register: from the catalogue, by hand, a valuation. */
export function AddActivityForms({
  catalogue,
  themes,
  actionData,
}: {
  catalogue: CatalogueItem[];
  themes: string[];
  actionData: unknown;
}) {
  const t = useT();
  return (
    <>
      <h2 className="text-lg font-semibold">{t("register.add")}</h2>
      <nav aria-label={t("register.add")} className="mt-2 flex flex-wrap gap-3 text-sm">
        <a href="#catalogus" className="text-accent-700 underline">
          {t("register.add.catalogue")}
        </a>
        <a href="#activiteit" className="text-accent-700 underline">
          {t("register.add.activity")}
        </a>
        <a href="#waardering" className="text-accent-700 underline">
          {t("register.add.valuation")}
        </a>
      </nav>
      <CatalogueForm catalogue={catalogue} actionData={actionData} />
      <ActivityForm themes={themes} actionData={actionData} />
      <ValuationForm actionData={actionData} />
    </>
  );
}

/** Start date, end date and (where asked) hours: the period of an activity. */
function PeriodFields({
  startDate,
  endDate,
  hours,
}: {
  startDate: FieldMetadata<unknown>;
  endDate: FieldMetadata<unknown>;
  hours?: FieldMetadata<unknown>;
}) {
  const t = useT();
  return (
    <div className="grid gap-3 sm:grid-cols-3">
      <TextField type="date" label={t("register.startDate")} required {...fieldProps(startDate)} />
      <TextField type="date" label={t("register.endDate")} required {...fieldProps(endDate)} />
      {hours ? <TextField label={t("register.hours")} {...fieldProps(hours)} /> : null}
    </div>
  );
}

/** A checkbox group's kept values: none, one (a string) or several. */
function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return ([] as unknown[]).concat(value).filter((v): v is string => typeof v === "string");
}

function CatalogueForm({
  catalogue,
  actionData,
}: {
  catalogue: CatalogueItem[];
  actionData: unknown;
}) {
  const t = useT();
  const [form, fields] = useIntentForm<FormOf<"catalogue">>("catalogue", actionData, {
    id: "catalogus",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 flex flex-col gap-3">
      <h3 className="font-semibold">{t("register.add.catalogue")}</h3>
      <input type="hidden" name="intent" value="catalogue" />
      <ErrorSummary errors={fieldErrorsOf(form)} />
      <SelectField
        label={t("register.catalogue.pick")}
        required
        placeholder={t("register.catalogue.placeholder")}
        options={catalogue.map((c) => ({
          value: c.id,
          label: `${c.title} (${c.provider}) — ${c.percentage}%`,
        }))}
        {...fieldProps(fields.catalogueId)}
      />
      <PeriodFields startDate={fields.startDate} endDate={fields.endDate} hours={fields.hours} />
      <div>
        <SubmitButton>{t("register.add.save")}</SubmitButton>
      </div>
    </Form>
  );
}

function ActivityForm({ themes, actionData }: { themes: string[]; actionData: unknown }) {
  const t = useT();
  const [form, fields] = useIntentForm<FormOf<"activity">>("activity", actionData, {
    id: "activiteit",
    defaultValue: { learningForm: "formal", valueKind: "percentage" },
  });
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      {...getFormProps(form)}
      className="mt-6 flex flex-col gap-3 border-t border-slate-200 pt-4"
    >
      <h3 className="font-semibold">{t("register.add.activity")}</h3>
      <input type="hidden" name="intent" value="activity" />
      <ErrorSummary errors={fieldErrorsOf(form)} />
      <TextField label={t("register.activityTitle")} required {...fieldProps(fields.title)} />
      <TextField label={t("register.provider")} {...fieldProps(fields.provider)} />
      <SelectField
        label={t("register.learningForm")}
        required
        options={(["formal", "non-formal", "informal"] as const).map((f) => ({
          value: f,
          label: t(registerFormLabel[f]),
        }))}
        {...fieldProps(fields.learningForm)}
      />
      <PeriodFields startDate={fields.startDate} endDate={fields.endDate} hours={fields.hours} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label={t("register.valueKind")}
          required
          options={[
            { value: "percentage", label: t("register.valueKind.percentage") },
            { value: "points", label: t("register.valueKind.points") },
          ]}
          {...fieldProps(fields.valueKind)}
        />
        <TextField label={t("register.value")} required {...fieldProps(fields.value)} />
      </div>
      <CheckboxGroup
        name="themes"
        legend={t("register.themes")}
        error={fields.themes.errors?.[0]}
        selected={asList(fields.themes.initialValue)}
        options={themes.map((theme) => ({ value: theme, label: theme }))}
      />
      <TextAreaField label={t("register.evidence")} rows={2} {...fieldProps(fields.evidence)} />
      <FileField
        id="activity-file"
        label={t("register.evidenceFile")}
        hint={t("file.hint")}
        error={form.allErrors.file?.[0]}
      />
      <div>
        <SubmitButton>{t("register.add.save")}</SubmitButton>
      </div>
    </Form>
  );
}

function ValuationForm({ actionData }: { actionData: unknown }) {
  const t = useT();
  const [form, fields] = useIntentForm<FormOf<"valuation">>("valuation", actionData, {
    id: "waardering",
  });
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      {...getFormProps(form)}
      className="mt-6 flex flex-col gap-3 border-t border-slate-200 pt-4"
    >
      <h3 className="font-semibold">{t("register.add.valuation")}</h3>
      <p className="text-sm text-slate-700">{t("register.valuation.intro")}</p>
      <input type="hidden" name="intent" value="valuation" />
      <ErrorSummary errors={fieldErrorsOf(form)} />
      <TextField label={t("register.activityTitle")} required {...fieldProps(fields.title)} />
      <TextField label={t("register.bureau")} {...fieldProps(fields.provider)} />
      <PeriodFields startDate={fields.startDate} endDate={fields.endDate} />
      <TextField label={t("register.awardedPoints")} required {...fieldProps(fields.value)} />
      <FileField
        id="valuation-file"
        label={t("register.valuationFile")}
        error={form.allErrors.file?.[0]}
      />
      <div>
        <SubmitButton>{t("register.add.save")}</SubmitButton>
      </div>
    </Form>
  );
}
