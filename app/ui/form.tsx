import { type ReactNode, useEffect, useRef, useState } from "react";
import { maxUploadBytes } from "#app/platform/upload-limit.ts";
import { Button } from "./button.tsx";
import { useT } from "./i18n.tsx";

interface FieldProps {
  name: string;
  /** The element id; defaults to the name. Give one when a page repeats a form. */
  id?: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
}

function describedBy(name: string, error?: string, hint?: ReactNode) {
  return (
    [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") ||
    undefined
  );
}

function FieldShell({
  name,
  id = name,
  label,
  error,
  hint,
  required,
  children,
}: FieldProps & { children: ReactNode }) {
  const t = useT();
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-baseline gap-1">
        <label htmlFor={id} className="font-medium text-slate-900">
          {label}
        </label>
        {/* Outside the label: the input's own `required` already tells screen readers. */}
        {required ? (
          <span aria-hidden="true" className="text-sm text-slate-600">
            ({t("field.required")})
          </span>
        ) : null}
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {t.error(error)}
        </p>
      ) : null}
    </div>
  );
}

const inputClass =
  "w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-[invalid=true]:border-red-700 aria-[invalid=true]:border-2";

export function TextField({
  type = "text",
  defaultValue,
  autoComplete,
  maxLength,
  onInput,
  ...field
}: FieldProps & {
  type?: string;
  defaultValue?: string;
  autoComplete?: string;
  maxLength?: number;
  onInput?: (value: string) => void;
}) {
  return (
    <FieldShell {...field}>
      <input
        id={field.id ?? field.name}
        name={field.name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        maxLength={maxLength}
        required={field.required}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(field.id ?? field.name, field.error, field.hint)}
        onInput={onInput ? (event) => onInput(event.currentTarget.value) : undefined}
        className={inputClass}
      />
    </FieldShell>
  );
}

export function TextAreaField({
  defaultValue,
  rows = 4,
  ...field
}: FieldProps & { defaultValue?: string; rows?: number }) {
  return (
    <FieldShell {...field}>
      <textarea
        id={field.id ?? field.name}
        name={field.name}
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(field.id ?? field.name, field.error, field.hint)}
        className={inputClass}
      />
    </FieldShell>
  );
}

export function SelectField({
  defaultValue,
  options,
  placeholder,
  ...field
}: FieldProps & {
  defaultValue?: string;
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  return (
    <FieldShell {...field}>
      <select
        id={field.id ?? field.name}
        name={field.name}
        defaultValue={defaultValue ?? ""}
        required={field.required}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(field.id ?? field.name, field.error, field.hint)}
        className={inputClass}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxGroup({
  name,
  legend,
  options,
  selected,
  error,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  selected: string[];
  error?: string;
}) {
  const t = useT();
  return (
    <fieldset
      className="flex flex-col gap-1"
      aria-describedby={error ? `${name}-error` : undefined}
    >
      <legend className="mb-1 font-medium text-slate-900">{legend}</legend>
      <div className="grid max-h-64 gap-1 overflow-y-auto rounded-md border border-slate-300 p-3 sm:grid-cols-2">
        {options.map((option) => (
          <label key={option.value} className="flex items-start gap-2 py-1">
            <input
              type="checkbox"
              name={name}
              value={option.value}
              defaultChecked={selected.includes(option.value)}
              className="mt-1 size-4 accent-accent-700"
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${name}-error`} className="text-sm font-medium text-red-700">
          {t.error(error)}
        </p>
      ) : null}
    </fieldset>
  );
}

export function SubmitButton({
  children,
  variant = "primary",
}: {
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger";
}) {
  return <Button variant={variant}>{children}</Button>;
}

/** Announced at the top of a form after a failed submit: the form's own message, or a pointer to the fields. */
export function ErrorSummary({
  errors,
  params,
}: {
  errors?: Record<string, string>;
  params?: Record<string, string | number>;
}) {
  const t = useT();
  if (!errors) return null;
  const count = Object.keys(errors).length;
  if (count === 0) return null;
  const formError = errors.form;
  return (
    <div role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
      {formError ? t.error(formError, params) : t("error.formCount", { count })}
    </div>
  );
}

/** The first chosen file over the upload limit, if any. */
function oversizedFile(input: HTMLInputElement) {
  return [...(input.files ?? [])].find((file) => file.size > maxUploadBytes) ?? null;
}

/**
 * A file upload with its hint and its error tied to the input. The browser knows a file's size
 * before sending it: a file over the limit is named at the field at once and the form is not
 * sent (sending 10+ MB only to be refused takes seconds and, past the server's limit, the page).
 */
export function FileField({
  name = "file",
  id = name,
  label,
  hint,
  error,
  multiple,
}: {
  name?: string;
  id?: string;
  label: string;
  hint?: string;
  error?: string;
  multiple?: boolean;
}) {
  const t = useT();
  const ref = useRef<HTMLInputElement>(null);
  const [tooLarge, setTooLarge] = useState<{ name: string; size: string } | null>(null);
  const check = (input: HTMLInputElement) => {
    const file = oversizedFile(input);
    setTooLarge(
      file
        ? {
            name: file.name,
            size: new Intl.NumberFormat(t.locale, { maximumFractionDigits: 1 }).format(
              file.size / 1024 / 1024,
            ),
          }
        : null,
    );
    return file;
  };
  // A native listener on the form runs before React Router's submit handler, which leaves a
  // prevented submit alone; a plain form is not sent either.
  useEffect(() => {
    const input = ref.current;
    const form = input?.form;
    if (!input || !form) return;
    const block = (event: SubmitEvent) => {
      if (!check(input)) return;
      event.preventDefault();
      input.focus();
    };
    form.addEventListener("submit", block);
    return () => form.removeEventListener("submit", block);
  });
  const shownError = tooLarge ? t("file.tooLargeChosen", tooLarge) : error ? t.error(error) : null;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <input
        ref={ref}
        id={id}
        name={name}
        type="file"
        multiple={multiple}
        onChange={(event) => check(event.currentTarget)}
        aria-describedby={describedBy(id, shownError ?? undefined, hint)}
        aria-invalid={shownError ? true : undefined}
      />
      {shownError ? (
        <p
          id={`${id}-error`}
          role={tooLarge ? "alert" : undefined}
          className="text-sm font-medium text-red-700"
        >
          {shownError}
        </p>
      ) : null}
    </div>
  );
}
