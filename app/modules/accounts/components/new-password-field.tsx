import { useState } from "react";
import { TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { passwordRules } from "../accounts.schema.ts";
import { isCommonPassword } from "../common-passwords.ts";

/** Says as you type whether the password will be accepted (ASVS: checked as typed). */
export function NewPasswordField({
  name = "password",
  label,
  error,
}: {
  name?: string;
  label: string;
  error?: string;
}) {
  const t = useT();
  const [value, setValue] = useState("");
  let feedback = "";
  if (value.length > 0) {
    if (isCommonPassword(value)) feedback = t("field.password.strength.common");
    else if (value.length < passwordRules.min)
      feedback = t("field.password.strength.tooShort", { count: passwordRules.min - value.length });
    else if (value.length < passwordRules.recommended) feedback = t("field.password.strength.ok");
    else feedback = t("field.password.strength.strong");
  }
  return (
    <div className="flex flex-col gap-1">
      <TextField
        name={name}
        type="password"
        label={label}
        autoComplete="new-password"
        required
        error={error}
        hint={t("field.password.hint")}
        onInput={setValue}
      />
      <p aria-live="polite" className="min-h-5 text-sm text-slate-700">
        {feedback}
      </p>
    </div>
  );
}
