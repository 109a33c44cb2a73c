import { type FieldMetadata, getFormProps } from "@conform-to/react";
import { ChevronDown, Plus } from "lucide-react";
import { type ReactNode, useEffect, useRef } from "react";
import { Form } from "react-router";
import { registerFormLabel } from "#app/i18n/labels.ts";
import type { RegisterPageForm } from "#app/modules/register/register.schema.ts";
import { isIntentReply } from "#app/platform/intent-reply.ts";
import { buttonClass } from "#app/ui/button.tsx";
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

/**
 * The three ways to add to the register, each behind its own button (a native <details>, so it
 * works without JavaScript and says whether it is open). They share a name, so the browser keeps
 * at most one open; after a refused submit the form that was sent is open again with its values.
 */
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
  const sent = isIntentReply(actionData) && actionData.result.error ? actionData.intent : null;
  const forms = useRef<HTMLDivElement>(null);
  // Added: the page says so above, and the form that did it closes empty (without JavaScript
  // the page is new and every form closed anyway).
  useEffect(() => {
    if (!actionData || typeof actionData !== "object" || !("notice" in actionData)) return;
    for (const details of forms.current?.querySelectorAll("details") ?? []) {
      details.open = false;
      details.querySelector("form")?.reset();
    }
  }, [actionData]);
  return (
    <>
      <h2 id="toevoegen" className="text-lg font-semibold">
        {t("register.add")}
      </h2>
      <p className="text-slate-700">{t("register.add.intro")}</p>
      <div ref={forms} className="mt-3 flex flex-col gap-3">
        <AddDisclosure label={t("register.add.catalogue")} open={sent === "catalogue"}>
          <CatalogueForm catalogue={catalogue} actionData={actionData} />
        </AddDisclosure>
        <AddDisclosure label={t("register.add.activity")} open={sent === "activity"}>
          <ActivityForm themes={themes} actionData={actionData} />
        </AddDisclosure>
        <AddDisclosure label={t("register.add.valuation")} open={sent === "valuation"}>
          <ValuationForm actionData={actionData} />
        </AddDisclosure>
      </div>
    </>
  );
}

function AddDisclosure({
  label,
  open,
  children,
}: {
  label: string;
  open: boolean;
  children: ReactNode;
}) {
  return (
    <details name="add-activity" open={open} className="group">
      <summary
        className={`${buttonClass("secondary")} w-full cursor-pointer list-none sm:w-auto [&::-webkit-details-marker]:hidden`}
      >
        <span className="flex items-center gap-2">
          <Plus aria-hidden className="size-4 shrink-0" />
          {label}
        </span>
        <ChevronDown aria-hidden className="size-4 shrink-0 transition group-open:rotate-180" />
      </summary>
      <div className="mt-3 rounded-md border border-slate-200 p-3 sm:p-4">{children}</div>
    </details>
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
    <Form method="post" {...getFormProps(form)} className="flex flex-col gap-3">
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
      className="flex flex-col gap-3"
    >
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
      className="flex flex-col gap-3"
    >
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
