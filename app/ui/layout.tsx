import type { ReactNode } from "react";

/**
 * The top of every main page: where you are (context, such as the network or school), what the
 * page is (title, one h1), one sentence on what it is for, and the page's main action beside the
 * title, so on a phone it is on the first screen and never below a form.
 */
export function PageHeader({
  title,
  context,
  intro,
  action,
  children,
}: {
  title: string;
  /** Above the title: the network, school or section this page belongs to. */
  context?: ReactNode;
  intro?: ReactNode;
  /** The page's main action (a LinkButton or a small form), marked for the 390 px e2e check. */
  action?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className="mb-6 flex flex-col gap-2">
      {context ? <p className="text-sm font-medium text-accent-800">{context}</p> : null}
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-3">
        <h1 className="min-w-0 text-2xl font-bold text-balance text-slate-900 sm:text-3xl">
          {title}
        </h1>
        {action ? (
          <div data-main-action className="flex max-w-full shrink-0 flex-wrap gap-2">
            {action}
          </div>
        ) : null}
      </div>
      {intro ? <p className="max-w-2xl text-slate-700">{intro}</p> : null}
      {children}
    </header>
  );
}

export function Card({
  children,
  as: Tag = "section",
  className = "",
}: {
  children: ReactNode;
  as?: "section" | "li" | "div" | "article";
  className?: string;
}) {
  return (
    <Tag
      className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6 ${className}`}
    >
      {children}
    </Tag>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <p className="rounded-lg border border-dashed border-slate-300 p-6 break-words text-slate-700">
      {children}
    </p>
  );
}

export function Notice({
  children,
  tone = "info",
}: {
  children: ReactNode;
  tone?: "info" | "success" | "warning";
}) {
  const styles = {
    info: "border-sky-700 bg-sky-50 text-sky-950",
    success: "border-green-700 bg-green-50 text-green-950",
    warning: "border-amber-700 bg-amber-50 text-amber-950",
  };
  return (
    <div role="status" className={`rounded-md border-l-4 p-3 ${styles[tone]}`}>
      {children}
    </div>
  );
}

export function Tag({ children }: { children: ReactNode }) {
  return (
    <span className="inline-block rounded-full bg-accent-50 px-3 py-0.5 text-sm text-accent-800">
      {children}
    </span>
  );
}

export function LockNote({ children }: { children: ReactNode }) {
  return (
    <p className="flex items-center gap-2 text-sm text-slate-700">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-current">
        <path d="M10 2a4 4 0 0 0-4 4v2H5a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1V9a1 1 0 0 0-1-1h-1V6a4 4 0 0 0-4-4Zm-2 6V6a2 2 0 1 1 4 0v2H8Z" />
      </svg>
      {children}
    </p>
  );
}
