"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { IconButton } from "./Button";
import { cx } from "./cx";
import { Icon, type IconName } from "./icons";

export type ToastTone = "success" | "error" | "info";

export type ToastOptions = {
  title: string;
  description?: string;
  tone?: ToastTone;
  /** Milliseconds before it hides; 0 keeps it until dismissed. Default 5000 (8000 for errors). */
  durationMs?: number;
  /** One optional action, e.g. { label: "Undo", onClick }. */
  action?: { label: string; onClick: () => void };
};

type ToastRecord = ToastOptions & { id: string };

export type ToastApi = {
  toast: (options: ToastOptions) => string;
  /** Alias of `toast`. */
  show: (options: ToastOptions) => string;
  success: (title: string, description?: string) => string;
  error: (title: string, description?: string) => string;
  info: (title: string, description?: string) => string;
  dismiss: (id: string) => void;
};

const ToastContext = createContext<ToastApi | null>(null);

/** Access toasts. Must be inside <ToastProvider>. */
export function useToast(): ToastApi {
  const ctx = useContext(ToastContext);
  if (!ctx) throw new Error("useToast() must be used inside <ToastProvider>");
  return ctx;
}

const toneStyle: Record<ToastTone, { icon: IconName; color: string }> = {
  success: { icon: "checkCircle", color: "text-success-600" },
  error: { icon: "alert", color: "text-danger-600" },
  info: { icon: "info", color: "text-info-600" },
};

/** Provides useToast() and renders the polite live region the toasts appear in. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastRecord[]>([]);
  const counter = useRef(0);

  const dismiss = useCallback((id: string) => {
    setToasts((list) => list.filter((t) => t.id !== id));
  }, []);

  const toast = useCallback((options: ToastOptions) => {
    counter.current += 1;
    const id = `toast-${counter.current}`;
    // Keep at most 4 on screen; the oldest go first.
    setToasts((list) => [...list.slice(-3), { ...options, id }]);
    return id;
  }, []);

  const api = useMemo<ToastApi>(
    () => ({
      toast,
      show: toast,
      dismiss,
      success: (title, description) => toast({ title, description, tone: "success" }),
      error: (title, description) => toast({ title, description, tone: "error" }),
      info: (title, description) => toast({ title, description, tone: "info" }),
    }),
    [toast, dismiss],
  );

  return (
    <ToastContext.Provider value={api}>
      {children}
      <section
        aria-label="Notifications"
        className="pointer-events-none fixed inset-x-0 top-0 z-50 flex justify-center p-3 sm:inset-x-auto sm:top-auto sm:right-0 sm:bottom-0 sm:p-6"
      >
        <ol aria-live="polite" aria-relevant="additions text" className="flex w-full max-w-sm flex-col gap-2 sm:w-96">
          {toasts.map((t) => (
            <ToastItem key={t.id} toast={t} onDismiss={dismiss} />
          ))}
        </ol>
      </section>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onDismiss }: { toast: ToastRecord; onDismiss: (id: string) => void }) {
  const tone = toast.tone ?? "info";
  const duration = toast.durationMs ?? (tone === "error" ? 8000 : 5000);
  const [paused, setPaused] = useState(false);
  const remaining = useRef(duration);
  const startedAt = useRef(0);

  useEffect(() => {
    if (duration === 0 || paused) return;
    startedAt.current = Date.now();
    const timer = window.setTimeout(() => onDismiss(toast.id), remaining.current);
    return () => {
      window.clearTimeout(timer);
      remaining.current = Math.max(1000, remaining.current - (Date.now() - startedAt.current));
    };
  }, [duration, paused, onDismiss, toast.id]);

  const { icon, color } = toneStyle[tone];
  return (
    <li
      className="pointer-events-auto flex items-start gap-3 rounded-lg border border-neutral-200 bg-white p-3.5 shadow-lg"
      onPointerEnter={() => setPaused(true)}
      onPointerLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <Icon name={icon} size={20} className={cx("mt-0.5 shrink-0", color)} />
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium text-neutral-900">
          {tone === "error" ? <span className="sr-only">Error: </span> : null}
          {toast.title}
        </p>
        {toast.description ? <p className="mt-0.5 text-sm text-neutral-600">{toast.description}</p> : null}
        {toast.action ? (
          <button
            type="button"
            className="mt-2 rounded-sm text-sm font-medium text-brand-700 hover:text-brand-800 hover:underline"
            onClick={() => {
              toast.action?.onClick();
              onDismiss(toast.id);
            }}
          >
            {toast.action.label}
          </button>
        ) : null}
      </div>
      <IconButton
        label="Dismiss notification"
        icon="close"
        size="sm"
        className="-my-1 -mr-1.5 size-7"
        onClick={() => onDismiss(toast.id)}
      />
    </li>
  );
}
