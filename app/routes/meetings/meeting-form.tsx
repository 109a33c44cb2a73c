import { Form } from "react-router";
import { instantToAmsterdam } from "#app/i18n/dates.ts";
import {
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";

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
  errors,
  value,
}: {
  errors?: Record<string, string>;
  value: (name: "mode" | "address" | "onlineUrl") => string;
}) {
  const t = useT();
  return (
    <>
      <SelectField
        name="mode"
        label={t("meeting.mode")}
        required
        error={errors?.mode}
        defaultValue={value("mode")}
        options={[
          { value: "location", label: t("meeting.mode.location") },
          { value: "online", label: t("meeting.mode.online") },
        ]}
      />
      <TextField
        name="address"
        label={t("meeting.address")}
        hint={t("meeting.address.hint")}
        error={errors?.address}
        defaultValue={value("address")}
      />
      <TextField
        name="onlineUrl"
        label={t("meeting.onlineUrl")}
        hint={t("meeting.onlineUrl.hint")}
        error={errors?.onlineUrl}
        defaultValue={value("onlineUrl")}
      />
    </>
  );
}

/** The meeting form, for a new meeting and for moving or editing one. */
export function MeetingForm({
  meeting,
  errors,
  values,
  submitLabel,
}: {
  meeting?: MeetingDefaults;
  errors?: Record<string, string>;
  values?: Record<string, unknown>;
  submitLabel: string;
}) {
  const t = useT();
  const start = meeting ? instantToAmsterdam(meeting.startsAt) : null;
  const end = meeting ? instantToAmsterdam(meeting.endsAt) : null;
  const value = (name: string, fallback: string) =>
    values && typeof values[name] === "string" ? (values[name] as string) : fallback;
  const checked = (name: string, fallback: boolean) => (values ? values[name] === "on" : fallback);
  return (
    <Form method="post" noValidate className="flex flex-col gap-4">
      <ErrorSummary errors={errors} />
      <TextField
        name="theme"
        label={t("meeting.theme")}
        error={errors?.theme}
        defaultValue={value("theme", meeting?.theme ?? "")}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="day"
          type="date"
          label={t("meeting.day")}
          required
          error={errors?.day}
          defaultValue={value("day", start?.day ?? "")}
        />
        <TextField
          name="startTime"
          type="time"
          label={t("meeting.startTime")}
          required
          error={errors?.startTime}
          defaultValue={value("startTime", start?.time ?? "08:30")}
        />
        <TextField
          name="endDay"
          type="date"
          label={t("meeting.endDay")}
          hint={t("meeting.endDay.hint")}
          error={errors?.endDay}
          defaultValue={value("endDay", end && start && end.day !== start.day ? end.day : "")}
        />
        <TextField
          name="endTime"
          type="time"
          label={t("meeting.endTime")}
          required
          error={errors?.endTime}
          defaultValue={value("endTime", end?.time ?? "12:30")}
        />
      </div>
      <PlaceFields
        errors={errors}
        value={(name) =>
          value(
            name,
            meeting?.[name as "mode" | "address" | "onlineUrl"] ??
              (name === "mode" ? "location" : ""),
          )
        }
      />
      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-3">
        <legend className="px-1 font-medium">{t("meeting.speaker")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="speakerName"
            label={t("meeting.speakerName")}
            error={errors?.speakerName}
            defaultValue={value("speakerName", meeting?.speakerName ?? "")}
          />
          <TextField
            name="speakerInvitedBy"
            label={t("meeting.speakerInvitedBy")}
            error={errors?.speakerInvitedBy}
            defaultValue={value("speakerInvitedBy", meeting?.speakerInvitedBy ?? "")}
          />
        </div>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            name="speakerBriefed"
            className="size-4"
            defaultChecked={checked("speakerBriefed", meeting?.speakerBriefed ?? false)}
          />
          {t("meeting.speakerBriefed")}
        </label>
        <TextAreaField
          name="speakerNote"
          label={t("meeting.speakerNote")}
          rows={2}
          error={errors?.speakerNote}
          defaultValue={value("speakerNote", meeting?.speakerNote ?? "")}
        />
      </fieldset>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          name="isClosing"
          className="size-4"
          defaultChecked={checked("isClosing", meeting?.isClosing ?? false)}
        />
        {t("meeting.isClosing")}
      </label>
      <div>
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}
