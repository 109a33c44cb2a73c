import { getFormProps } from "@conform-to/react";
import { Form } from "react-router";
import type { MeetingPageForm } from "#app/modules/meetings/meetings.schema.ts";
import { ErrorSummary, SubmitButton, TextAreaField, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState } from "#app/ui/layout.tsx";

interface Case {
  id: string;
  title: string;
  description: string;
  question: string;
  authorId: string;
  authorName: string;
}

/** Cases members bring in for the meeting: only the network's members read them. */
export function CasesPanel({
  cases,
  me,
  canPlan,
  canAdd,
  actionData,
}: {
  cases: Case[];
  me: string;
  canPlan: boolean;
  canAdd: boolean;
  actionData: unknown;
}) {
  const t = useT();
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("meeting.cases")}</h2>
      <p className="text-sm text-slate-700">{t("meeting.cases.private")}</p>
      {cases.length ? (
        <ul className="mt-3 flex flex-col gap-3">
          {cases.map((item) => (
            <li key={item.id} className="rounded-md border border-slate-300 p-3">
              <h3 className="font-semibold">{item.title}</h3>
              <p className="text-sm text-slate-700">
                {t("meeting.case.by", { name: item.authorName })}
              </p>
              <p className="mt-1 whitespace-pre-line">{item.description}</p>
              <p className="mt-1">
                <span className="font-medium">{t("meeting.case.question")}:</span> {item.question}
              </p>
              {item.authorId === me || canPlan ? (
                <Form method="post" className="mt-2">
                  <input type="hidden" name="intent" value="delete-case" />
                  <input type="hidden" name="caseId" value={item.id} />
                  <SubmitButton variant="secondary">{t("meeting.case.delete")}</SubmitButton>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{t("meeting.cases.empty")}</EmptyState>
      )}
      {canAdd ? <CaseForm actionData={actionData} /> : null}
    </Card>
  );
}

function CaseForm({ actionData }: { actionData: unknown }) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<MeetingPageForm, { intent: "case" }>>(
    "case",
    actionData,
  );
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 flex flex-col gap-3">
      <h3 className="font-semibold">{t("meeting.case.add")}</h3>
      <input type="hidden" name="intent" value="case" />
      <ErrorSummary errors={fieldErrorsOf(form)} />
      <TextField label={t("meeting.case.title")} required {...fieldProps(fields.title)} />
      <TextAreaField
        label={t("meeting.case.description")}
        required
        rows={4}
        {...fieldProps(fields.description)}
      />
      <TextField label={t("meeting.case.question")} required {...fieldProps(fields.question)} />
      <div>
        <SubmitButton>{t("meeting.case.save")}</SubmitButton>
      </div>
    </Form>
  );
}
