import { ChevronDown } from "lucide-react";
import type { ReactNode } from "react";
import {
  Button as AriaButton,
  ComboBox as AriaComboBox,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from "react-aria-components";
import { SelectField } from "./form.tsx";
import { useHydrated } from "./hydrated.ts";
import { useT } from "./i18n.tsx";

interface Option {
  value: string;
  label: string;
}

/**
 * Picking one of a long list (a school, a person) by typing part of its name. Without JavaScript
 * (and in the server's HTML) it is the house <select>, which submits the same `name` and value;
 * after hydration a React Aria ComboBox, whose hidden input sends the chosen option's value.
 * Errors sit under the field, as with every field.
 */
export function ComboBoxField({
  name,
  id,
  label,
  options,
  defaultValue,
  placeholder,
  error,
  hint,
  required,
}: {
  name: string;
  /** The input's id (the error summary links to it); defaults to the name. */
  id?: string;
  label: string;
  options: Option[];
  defaultValue?: string;
  /** The empty choice of the <select> ("Geen school"); the combobox leaves the field empty. */
  placeholder?: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
}) {
  const t = useT();
  const hydrated = useHydrated();
  if (!hydrated) {
    return (
      <SelectField
        name={name}
        id={id}
        label={label}
        options={options}
        defaultValue={defaultValue}
        placeholder={placeholder}
        error={error}
        hint={hint}
        required={required}
      />
    );
  }
  return (
    <AriaComboBox
      name={name}
      id={id ?? name}
      formValue="key"
      defaultItems={options.map((option) => ({ id: option.value, label: option.label }))}
      defaultSelectedKey={defaultValue || null}
      isRequired={required}
      isInvalid={Boolean(error)}
      menuTrigger="focus"
      className="flex flex-col gap-1"
    >
      <Label className="font-medium text-slate-900">
        {label}
        {required ? (
          <span aria-hidden="true" className="ml-1 text-sm font-normal text-slate-600">
            ({t("field.required")})
          </span>
        ) : null}
      </Label>
      {hint ? (
        <Text slot="description" className="text-sm text-slate-600">
          {hint}
        </Text>
      ) : null}
      <div className="relative">
        <Input
          placeholder={placeholder}
          className="w-full rounded-md border border-slate-400 bg-white py-2 pr-11 pl-3 text-base text-slate-900 placeholder:text-slate-600 data-invalid:border-2 data-invalid:border-red-700"
        />
        <AriaButton className="absolute inset-y-0 right-0 inline-flex w-11 items-center justify-center text-slate-700">
          <ChevronDown aria-hidden="true" className="size-5" />
        </AriaButton>
      </div>
      {error ? (
        <Text slot="errorMessage" className="text-sm font-medium text-red-700">
          {t.error(error)}
        </Text>
      ) : null}
      <Popover className="max-h-72 w-(--trigger-width) overflow-y-auto rounded-md border border-slate-200 bg-white p-1 shadow-lg">
        <ListBox<{ id: string; label: string }> className="outline-none">
          {(option) => (
            <ListBoxItem
              id={option.id}
              textValue={option.label}
              className="cursor-pointer rounded px-3 py-2 text-slate-900 outline-none data-focused:bg-accent-50 data-selected:font-semibold data-selected:text-accent-800"
            >
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </AriaComboBox>
  );
}
