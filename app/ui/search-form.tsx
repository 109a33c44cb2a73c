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
