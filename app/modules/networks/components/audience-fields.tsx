import type { FieldMetadata } from "@conform-to/react";
import { jobFunctionName } from "#app/i18n/labels.ts";
import { jobFunctions } from "#app/modules/accounts/accounts.schema.ts";
import { sectors } from "#app/modules/organisations/organisations.schema.ts";
import { CheckboxGroup } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { checkedOf } from "#app/ui/intent-form.ts";

/** Who a network is for: its sectors and the functions it addresses (propose and edit share it). */
export function AudienceFields({
  sectorsField,
  targetFunctionsField,
}: {
  sectorsField: FieldMetadata<unknown>;
  targetFunctionsField: FieldMetadata<unknown>;
}) {
  const t = useT();
  return (
    <>
      <CheckboxGroup
        name="sectors"
        legend={t("net.field.sectors")}
        error={sectorsField.errors?.[0]}
        selected={checkedOf(sectorsField)}
        options={sectors.map((s) => ({ value: s, label: s }))}
      />
      <CheckboxGroup
        name="targetFunctions"
        legend={t("net.field.targetFunctions")}
        selected={checkedOf(targetFunctionsField)}
        options={jobFunctions
          .filter((f) => f !== "anders")
          .map((f) => ({ value: f, label: t(jobFunctionName[f]) }))}
      />
    </>
  );
}
