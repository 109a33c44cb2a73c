import { type FieldMetadata, getFormProps } from "@conform-to/react";
import { Form } from "react-router";
import { instantToAmsterdam } from "#app/i18n/dates.ts";
import type { MeetingForm as MeetingFormValue } from "#app/modules/meetings/meetings.schema.ts";
import {
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";

export interface MeetingDefaults {
  startsAt: Date | string;
  endsAt: Date | string;
  mode: "online" | "location";
  onlineUrl: string;
  address: string;
  theme: string;
  speakerName: string;
  speakerInvitedBy: string;
  speakerBriefed: boolean;
  speakerNote: string;
  isClosing: boolean;
}

/** Where a meeting is: on location (address) or online (a link only members see). */
export function PlaceFields({
  mode,
  address,
  onlineUrl,
}: {
  mode: FieldMetadata<unknown>;
  address: FieldMetadata<unknown>;
  onlineUrl: FieldMetadata<unknown>;
}) {
  const t = useT();
  return (
    <>
      <SelectField
        label={t("meeting.mode")}
        required
        options={[
          { value: "location", label: t("meeting.mode.location") },
          { value: "online", label: t("meeting.mode.online") },
        ]}
        {...fieldProps(mode)}
      />
      <TextField
        label={t("meeting.address")}
        hint={t("meeting.address.hint")}
        {...fieldProps(address)}
      />
      <TextField
        label={t("meeting.onlineUrl")}
        hint={t("meeting.onlineUrl.hint")}
        {...fieldProps(onlineUrl)}
      />
    </>
  );
}

/**
 * The meeting form, for a new meeting (a single-form page, intent "") and for moving or editing
 * one (intent "save", beside the cancel button).
 */
export function MeetingForm({
  meeting,
  actionData,
  intent = "",
  submitLabel,
}: {
  meeting?: MeetingDefaults;
  actionData: unknown;
  intent?: "" | "save";
  submitLabel: string;
}) {
  const t = useT();
  const start = meeting ? instantToAmsterdam(meeting.startsAt) : null;
  const end = meeting ? instantToAmsterdam(meeting.endsAt) : null;
  const [form, fields] = useIntentForm<MeetingFormValue>(intent, actionData, {
    id: "meeting",
    defaultValue: {
      theme: meeting?.theme ?? "",
      day: start?.day ?? "",
      startTime: start?.time ?? "08:30",
      endDay: end && start && end.day !== start.day ? end.day : "",
      endTime: end?.time ?? "12:30",
      mode: meeting?.mode ?? "location",
      address: meeting?.address ?? "",
      onlineUrl: meeting?.onlineUrl ?? "",
      speakerName: meeting?.speakerName ?? "",
      speakerInvitedBy: meeting?.speakerInvitedBy ?? "",
      speakerBriefed: meeting?.speakerBriefed ? "on" : undefined,
      speakerNote: meeting?.speakerNote ?? "",
      isClosing: meeting?.isClosing ? "on" : undefined,
    },
  });
  return (
    <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <ErrorSummary errors={fieldErrorsOf(form)} />
      <TextField label={t("meeting.theme")} {...fieldProps(fields.theme)} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField type="date" label={t("meeting.day")} required {...fieldProps(fields.day)} />
        <TextField
          type="time"
          label={t("meeting.startTime")}
          required
          {...fieldProps(fields.startTime)}
        />
        <TextField
          type="date"
          label={t("meeting.endDay")}
          hint={t("meeting.endDay.hint")}
          {...fieldProps(fields.endDay)}
        />
        <TextField
          type="time"
          label={t("meeting.endTime")}
          required
          {...fieldProps(fields.endTime)}
        />
      </div>
      <PlaceFields mode={fields.mode} address={fields.address} onlineUrl={fields.onlineUrl} />
      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
        <legend className="px-1 font-medium">{t("meeting.speaker")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t("meeting.speakerName")} {...fieldProps(fields.speakerName)} />
          <TextField
            label={t("meeting.speakerInvitedBy")}
            {...fieldProps(fields.speakerInvitedBy)}
          />
        </div>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            name="speakerBriefed"
            className="size-4"
            defaultChecked={fields.speakerBriefed.initialValue === "on"}
          />
          {t("meeting.speakerBriefed")}
        </label>
        <TextAreaField
          label={t("meeting.speakerNote")}
          rows={2}
          {...fieldProps(fields.speakerNote)}
        />
      </fieldset>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          name="isClosing"
          className="size-4"
          defaultChecked={fields.isClosing.initialValue === "on"}
        />
        {t("meeting.isClosing")}
      </label>
      <div>
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}
