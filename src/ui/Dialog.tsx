"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { Button } from "./Button";
import { IconButton } from "./Button";
import { cx } from "./cx";

export type DialogProps = {
  open: boolean;
  /** Called for Escape, the close button, a backdrop click, or any other close. Set `open` false in it. */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Action row, right-aligned (stacked full-width on phones). */
  footer?: ReactNode;
  size?: "sm" | "md" | "lg";
  /** When false, Escape, backdrop and the close button do nothing (e.g. while saving). Default true. */
  dismissible?: boolean;
  className?: string;
};

const widths = { sm: "max-w-sm", md: "max-w-lg", lg: "max-w-2xl" } as const;

/**
 * Modal built on the native <dialog> + showModal(): the browser makes the page behind inert
 * (focus stays inside), Escape closes, focus returns to the opener. Put data-autofocus on the
 * element that should get focus first (otherwise the first focusable one does).
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  size = "md",
  dismissible = true,
  className,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const pressStartedOnBackdrop = useRef(false);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Close if the component unmounts while open (no orphaned modal state).
  useEffect(() => {
    const dialog = ref.current;
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      className={cx(
        "m-auto max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] overflow-hidden rounded-xl border border-neutral-200 bg-white p-0 text-neutral-900 shadow-xl",
        "backdrop:bg-neutral-950/50",
        widths[size],
        className,
      )}
      onCancel={(e) => {
        // Escape: keep the dialog controlled by `open`.
        e.preventDefault();
        if (dismissible) onClose();
      }}
      onClose={() => {
        // Closed by the browser (e.g. a form method="dialog"): tell the owner.
        if (open) onClose();
      }}
      onPointerDown={(e) => {
        pressStartedOnBackdrop.current = e.target === e.currentTarget;
      }}
      onClick={(e) => {
        if (dismissible && pressStartedOnBackdrop.current && e.target === e.currentTarget) onClose();
        pressStartedOnBackdrop.current = false;
      }}
    >
      {open ? (
        <div className="flex max-h-[calc(100dvh-2rem)] flex-col">
          <div className="flex items-start justify-between gap-4 px-5 pt-5 pb-2">
            <div className="min-w-0">
              <h2 id={titleId} className="text-lg font-semibold text-neutral-900">
                {title}
              </h2>
              {description ? (
                <div id={descriptionId} className="mt-1 text-sm text-neutral-600">
                  {description}
                </div>
              ) : null}
            </div>
            <IconButton
              label="Close"
              icon="close"
              size="sm"
              className="-mt-1 -mr-2"
              onClick={onClose}
              disabled={!dismissible}
            />
          </div>
          {children ? <div className="min-h-0 overflow-y-auto px-5 py-3 text-sm">{children}</div> : null}
          {footer ? (
            <div className="flex flex-col-reverse gap-2 border-t border-neutral-100 bg-neutral-50 px-5 py-3 sm:flex-row sm:justify-end">
              {footer}
            </div>
          ) : (
            <div className="pb-2" />
          )}
        </div>
      ) : null}
    </dialog>
  );
}

export type ConfirmDialogProps = {
  open: boolean;
  onCancel: () => void;
  /** May return a promise: the confirm button shows progress until it settles. Close the dialog in it. */
  onConfirm: () => void | Promise<unknown>;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  /** "danger" (default) for destructive actions. */
  tone?: "danger" | "primary";
  /** Controlled progress state; otherwise tracked from the onConfirm promise. */
  loading?: boolean;
};

/** Asks once, clearly, before a destructive action. Focus starts on Cancel. */
export function ConfirmDialog({
  open,
  onCancel,
  onConfirm,
  title,
  description,
  children,
  confirmLabel = "Confirm",
  cancelLabel = "Cancel",
  tone = "danger",
  loading,
}: ConfirmDialogProps) {
  const [pending, setPending] = useState(false);
  const busy = loading ?? pending;

  async function confirm() {
    if (busy) return;
    const result = onConfirm();
    if (result && typeof (result as Promise<unknown>).then === "function") {
      setPending(true);
      try {
        await result;
      } finally {
        setPending(false);
      }
    }
  }

  return (
    <Dialog
      open={open}
      onClose={onCancel}
      title={title}
      description={description}
      size="sm"
      dismissible={!busy}
      footer={
        <>
          <Button variant="secondary" onClick={onCancel} disabled={busy} data-autofocus="">
            {cancelLabel}
          </Button>
          <Button variant={tone === "danger" ? "danger" : "primary"} onClick={confirm} loading={busy}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
