import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and during hydration, true after. A component that needs JavaScript
 * (a modal, a combobox, tabs) renders its no-JS form first and upgrades once this is true, so the
 * page works before its script arrives and without it.
 */
export function useHydrated() {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
