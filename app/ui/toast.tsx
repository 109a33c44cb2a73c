import { CircleCheck, Info, X } from "lucide-react";
import { useEffect } from "react";
import {
  Button as AriaButton,
  UNSTABLE_ToastRegion as AriaToastRegion,
  Text,
  UNSTABLE_Toast as Toast,
  UNSTABLE_ToastContent as ToastContent,
  UNSTABLE_ToastQueue as ToastQueue,
} from "react-aria-components";
import { useLocation } from "react-router";
import { useHydrated } from "./hydrated.ts";
import { useT } from "./i18n.tsx";
import { Notice } from "./layout.tsx";

interface Flash {
  text: string;
  tone: "success" | "info";
}

// Filled only in the browser (from effects), so the server never shares it between requests.
const flashes = new ToastQueue<Flash>({ maxVisibleToasts: 3 });

/** Where flash messages appear once the page has hydrated; once, in the root layout. */
export function ToastRegion() {
  const t = useT();
  return (
    <AriaToastRegion
      queue={flashes}
      aria-label={t("common.notices")}
      className="fixed inset-x-4 bottom-4 z-50 flex flex-col gap-2 sm:left-auto sm:w-96"
    >
      {({ toast }) => (
        <Toast
          toast={toast}
          className={`flex items-start gap-3 rounded-lg border-l-4 bg-white p-3 shadow-lg ring-1 ring-slate-200 ${
            toast.content.tone === "success" ? "border-green-700" : "border-sky-700"
          }`}
        >
          {toast.content.tone === "success" ? (
            <CircleCheck aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-green-700" />
          ) : (
            <Info aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-sky-700" />
          )}
          <ToastContent className="min-w-0 flex-1">
            <Text slot="title" className="text-slate-900">
              {toast.content.text}
            </Text>
          </ToastContent>
          <AriaButton
            slot="close"
            aria-label={t("common.close")}
            className="-m-1 inline-flex size-8 shrink-0 items-center justify-center rounded-full text-slate-700 hover:bg-slate-100"
          >
            <X aria-hidden="true" className="size-4" />
          </AriaButton>
        </Toast>
      )}
    </AriaToastRegion>
  );
}

/**
 * The notice after a POST ("Opgeslagen"), passed down by the loader. The server's HTML shows it
 * as a Notice in the page (role=status), which is all a browser without JavaScript gets; after
 * hydration the same text moves into the toast region instead, never both. A toast belongs to its
 * page: it stays until closed or until the next navigation, which may bring its own.
 */
export function FlashNotice({
  message,
  tone = "success",
}: {
  message: string | null | undefined;
  tone?: Flash["tone"];
}) {
  const hydrated = useHydrated();
  const { key } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: each navigation brings its own notice
  useEffect(() => {
    if (!message) return;
    const toast = flashes.add({ text: message, tone });
    return () => flashes.close(toast);
  }, [message, tone, key]);
  if (!message || hydrated) return null;
  return <Notice tone={tone}>{message}</Notice>;
}
