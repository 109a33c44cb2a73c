import { ChevronDown } from "lucide-react";
import { type KeyboardEvent, type ReactNode, useEffect, useRef } from "react";
import { useLocation } from "react-router";

/**
 * A <details> menu that works without JavaScript (the browser opens and closes it and tells
 * screen readers whether it is expanded) and, once hydrated, behaves like a menu: it closes on
 * navigation, on Escape (focus back on its button) and on a click outside it.
 */
export function useDisclosure() {
  const ref = useRef<HTMLDetailsElement>(null);
  const { key } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new location is the reason to close
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [key]);
  useEffect(() => {
    const closeOutside = (event: PointerEvent) => {
      const details = ref.current;
      if (details?.open && !details.contains(event.target as Node)) details.open = false;
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLDetailsElement>) => {
    const details = event.currentTarget;
    if (event.key !== "Escape" || !details.open) return;
    event.stopPropagation();
    details.open = false;
    details.querySelector("summary")?.focus();
  };
  return { ref, onKeyDown };
}

/**
 * A section that opens and closes: a native <details>, so it works without JavaScript, in the
 * house look (a chevron that turns). For long optional parts of a page ("Meer filters",
 * "Eerdere activiteiten"); a long form goes behind a Dialog instead.
 */
export function Disclosure({
  summary,
  open,
  children,
}: {
  summary: ReactNode;
  /** Open in the server's HTML, e.g. when a field inside has an error. */
  open?: boolean;
  children: ReactNode;
}) {
  return (
    <details
      open={open || undefined}
      className="group/disclosure rounded-lg border border-slate-200 bg-white"
    >
      <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-3 rounded-lg px-4 py-2 font-medium text-slate-900 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        {summary}
        <ChevronDown
          aria-hidden="true"
          className="size-5 shrink-0 text-slate-600 transition-transform group-open/disclosure:rotate-180"
        />
      </summary>
      <div className="border-t border-slate-200 px-4 py-4">{children}</div>
    </details>
  );
}
