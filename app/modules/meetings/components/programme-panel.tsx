import { getFormProps } from "@conform-to/react";
import { Form } from "react-router";
import type { MeetingPageForm } from "#app/modules/meetings/meetings.schema.ts";
import {
  CheckboxGroup,
  ErrorSummary,
  SubmitButton,
  TextAreaField,
  TextField,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState } from "#app/ui/layout.tsx";

type FormOf<I extends MeetingPageForm["intent"]> = Extract<MeetingPageForm, { intent: I }>;

/** The meeting's programme, and for its planners and preparers the forms that set it. */
export function ProgrammePanel({
  programme,
  preparers,
  members,
  canEdit,
  canPlan,
  actionData,
}: {
  programme: { id: string; title: string }[];
  preparers: { userId: string; name: string }[];
  members: { userId: string; name: string }[];
  canEdit: boolean;
  canPlan: boolean;
  actionData: unknown;
}) {
  const t = useT();
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("meeting.programme")}</h2>
      {programme.length ? (
        <ol className="mt-2 list-decimal pl-6">
          {programme.map((item) => (
            <li key={item.id}>{item.title}</li>
          ))}
        </ol>
      ) : (
        <EmptyState>{t("meeting.programme.empty")}</EmptyState>
      )}
      {canEdit ? (
        <ProgrammeForm actionData={actionData} current={programme.map((p) => p.title).join("\n")} />
      ) : null}
      {canPlan ? (
        <PreparersForm
          actionData={actionData}
          selected={preparers.map((p) => p.userId)}
          members={members}
        />
      ) : null}
    </Card>
  );
}

function ProgrammeForm({ actionData, current }: { actionData: unknown; current: string }) {
  const t = useT();
  const [form, fields] = useIntentForm<FormOf<"programme">>("programme", actionData, {
    defaultValue: { programme: current },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 flex flex-col gap-3">
      <input type="hidden" name="intent" value="programme" />
      <ErrorSummary errors={fieldErrorsOf(form)} />
      <TextAreaField
        label={t("meeting.programme.edit")}
        hint={t("meeting.programme.hint")}
        rows={6}
        {...fieldProps(fields.programme)}
      />
      <div>
        <SubmitButton>{t("meeting.programme.save")}</SubmitButton>
      </div>
    </Form>
  );
}

function PreparersForm({
  actionData,
  selected,
  members,
}: {
  actionData: unknown;
  selected: string[];
  members: { userId: string; name: string }[];
}) {
  const t = useT();
  const [form, fields] = useIntentForm<FormOf<"preparers">>("preparers", actionData);
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 flex flex-col gap-3">
      <input type="hidden" name="intent" value="preparers" />
      <ErrorSummary errors={fieldErrorsOf(form)} />
      <CheckboxGroup
        name="preparers"
        legend={t("meeting.preparers.choose")}
        error={fields.preparers.errors?.[0]}
        selected={selected}
        options={members.map((m) => ({ value: m.userId, label: m.name }))}
      />
      <div>
        <SubmitButton variant="secondary">{t("meeting.preparers.save")}</SubmitButton>
      </div>
    </Form>
  );
}

/** The theme the group chose at the end, which becomes the next meeting's theme. */
export function NextThemePanel({
  nextTheme,
  actionData,
}: {
  nextTheme: string;
  actionData: unknown;
}) {
  const t = useT();
  const [form, fields] = useIntentForm<FormOf<"next-theme">>("next-theme", actionData, {
    defaultValue: { nextTheme },
  });
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("meeting.nextTheme")}</h2>
      <p className="text-sm text-slate-700">{t("meeting.nextTheme.hint")}</p>
      <Form method="post" {...getFormProps(form)} className="mt-3 flex flex-col gap-3">
        <input type="hidden" name="intent" value="next-theme" />
        <TextField
          label={t("meeting.nextTheme.label")}
          required
          {...fieldProps(fields.nextTheme)}
        />
        <div>
          <SubmitButton variant="secondary">{t("meeting.nextTheme.save")}</SubmitButton>
        </div>
      </Form>
    </Card>
  );
}
