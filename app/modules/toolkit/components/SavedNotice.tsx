import type { MessageKey } from "#app/i18n/catalogues/index.ts";
import { useT } from "#app/ui/i18n.tsx";

/**
 * Always in the panel, empty until a save: a live region that is already there when its text
 * changes is announced, and it sits where the page scrolls to after the save (the top of the
 * page is out of view then).
 */
export function SavedNotice({ notice }: { notice: MessageKey | null }) {
  const t = useT();
  return (
    <div
      role="status"
      className={
        notice ? "rounded-md border-l-4 border-green-700 bg-green-50 p-3 text-green-950" : ""
      }
    >
      {notice ? t(notice) : null}
    </div>
  );
}
