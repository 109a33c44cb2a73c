import { X } from "lucide-react";
import { type ReactNode, useEffect, useState } from "react";
import {
  Button as AriaButton,
  Dialog as AriaDialog,
  Heading,
  Modal,
  ModalOverlay,
} from "react-aria-components";
import { useLocation } from "react-router";
import { type ButtonSize, type ButtonVariant, buttonClass } from "./button.tsx";
import { useHydrated } from "./hydrated.ts";
import { useT } from "./i18n.tsx";

interface DialogProps {
  /** The button's text, e.g. "Activiteit toevoegen". */
  trigger: ReactNode;
  /** The dialog's heading; usually the same words as the trigger. */
  title: string;
  /** Open after this render's data, e.g. when the form inside came back with errors. */
  open?: boolean;
  variant?: ButtonVariant;
  size?: ButtonSize;
  icon?: ReactNode;
  children: ReactNode;
}

/**
 * A long form behind a button. In the server's HTML (and without JavaScript) it is a native
 * <details> whose summary looks like the button: opening it shows the form in place, so no
 * action is lost. After hydration it is a React Aria modal: focus moves in and stays there,
 * Escape or the close button closes it and focus returns to the button.
 *
 * After every navigation (a submit that redirected, or came back with errors) the dialog is as
 * `open` says: closed after a save, still open beside its errors.
 */
export function Dialog({
  trigger,
  title,
  open = false,
  variant = "primary",
  size = "md",
  icon,
  children,
}: DialogProps) {
  const t = useT();
  const hydrated = useHydrated();
  const { key } = useLocation();
  const [isOpen, setOpen] = useState(open);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new location is the reason to reset
  useEffect(() => setOpen(open), [key, open]);

  if (!hydrated) {
    return (
      <details open={open || undefined} className="group/dialog">
        <summary
          className={`${buttonClass(variant, size)} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}
        >
          {icon}
          {trigger}
        </summary>
        <div className="mt-3 w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-4 text-left shadow-sm sm:p-6">
          <h2 className="mb-3 text-lg font-semibold text-slate-900">{title}</h2>
          {children}
        </div>
      </details>
    );
  }

  return (
    <>
      <AriaButton onPress={() => setOpen(true)} className={buttonClass(variant, size)}>
        {icon}
        {trigger}
      </AriaButton>
      <ModalOverlay
        isOpen={isOpen}
        onOpenChange={setOpen}
        isDismissable
        className="fixed inset-0 z-50 flex items-end justify-center bg-slate-900/50 sm:items-center sm:p-4"
      >
        <Modal className="max-h-[92dvh] w-full overflow-y-auto rounded-t-xl bg-white shadow-xl sm:max-w-xl sm:rounded-xl">
          <AriaDialog className="relative p-4 outline-none sm:p-6">
            {({ close }) => (
              <>
                <div className="mb-4 flex items-start justify-between gap-4">
                  <Heading slot="title" className="text-xl font-semibold text-slate-900">
                    {title}
                  </Heading>
                  <AriaButton
                    onPress={close}
                    aria-label={t("common.close")}
                    className="-m-2 inline-flex size-11 shrink-0 items-center justify-center rounded-full text-slate-700 hover:bg-slate-100"
                  >
                    <X aria-hidden="true" className="size-5" />
                  </AriaButton>
                </div>
                {children}
              </>
            )}
          </AriaDialog>
        </Modal>
      </ModalOverlay>
    </>
  );
}
