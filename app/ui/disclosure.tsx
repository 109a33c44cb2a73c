import { type KeyboardEvent, useEffect, useRef } from "react";
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
