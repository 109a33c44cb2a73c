import type { ReactNode } from "react";
import { Form, useLocation } from "react-router";

/**
 * A GET form whose fields show the current URL's values. Keyed by the query string so a
 * client-side navigation (say "clear all filters") resets the uncontrolled inputs too.
 */
export function SearchForm({
  children,
  className,
  search = true,
}: {
  children: ReactNode;
  className?: string;
  search?: boolean;
}) {
  const location = useLocation();
  return (
    <Form
      method="get"
      role={search ? "search" : undefined}
      key={location.search}
      className={className}
    >
      {children}
    </Form>
  );
}

/** The labelled "q" box most lists search with; the label says what is searched. */
export function SearchQueryField({ label, defaultValue }: { label: string; defaultValue: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="q" className="font-medium">
        {label}
      </label>
      <input
        id="q"
        name="q"
        type="search"
        defaultValue={defaultValue}
        className="rounded-md border border-slate-400 px-3 py-2"
      />
    </div>
  );
}
