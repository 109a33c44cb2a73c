import type { FieldMetadata } from "@conform-to/react";
import { jobFunctionName } from "#app/i18n/labels.ts";
import { SelectField, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldProps } from "#app/ui/intent-form.ts";
import { jobFunctions } from "../accounts.schema.ts";

/** The function a person has, with the free text for "anders": the profile and the welcome ask it alike. */
export function JobFunctionFields({
  jobFunction,
  jobFunctionOther,
}: {
  jobFunction: FieldMetadata<unknown>;
  jobFunctionOther: FieldMetadata<unknown>;
}) {
  const t = useT();
  return (
    <>
      <SelectField
        {...fieldProps(jobFunction)}
        label={t("field.jobFunction")}
        required
        placeholder={t("jobFunction.choose")}
        options={jobFunctions.map((fn) => ({ value: fn, label: t(jobFunctionName[fn]) }))}
      />
      <TextField
        {...fieldProps(jobFunctionOther)}
        label={t("field.jobFunctionOther")}
        hint={t("field.jobFunctionOther.hint")}
      />
    </>
  );
}
