"use client";

import Link from "next/link";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

export interface ToastInput {
  title: string;
  body?: string;
  /** A page on this site the toast points to. */
  href?: string | null;
  /** "error" interrupts the screen reader (role="alert"); everything else waits its turn (role="status"). */
  tone?: "info" | "error";
}

interface Toast extends ToastInput {
  id: number;
}

type ShowToast = (toast: ToastInput) => void;

const ToastContext = createContext<ShowToast | null>(null);

/** Shows a toast; outside a ToastProvider it does nothing. */
export function useToast(): ShowToast {
  return useContext(ToastContext) ?? ignoreToast;
}
const ignoreToast: ShowToast = () => {};

const DISMISS_AFTER_MS = 6_000;
const MAX_VISIBLE = 4;

/**
 * Small, polite toasts: announced by screen readers without interrupting,
 * dismissed after a few seconds (paused while hovered or focused) or by their button.
 * The live regions are in the DOM from the first render and stay there: a screen reader only announces
 * changes inside a region it already knows, so a region created together with its toast would stay silent.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const show = useCallback<ShowToast>((toast) => {
    const id = nextId.current++;
    setToasts((current) => [...current, { ...toast, id }].slice(-MAX_VISIBLE));
  }, []);
  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);

  return (
    <ToastContext.Provider value={show}>
      {children}
      <section aria-label="Live updates" className="pointer-events-none fixed inset-x-4 bottom-4 z-50 sm:left-auto sm:w-96">
        <div role="alert" aria-live="assertive" aria-atomic="false">
          <ol className="mb-2 flex flex-col gap-2 empty:mb-0">
            {toasts
              .filter((toast) => toast.tone === "error")
              .map((toast) => (
                <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
              ))}
          </ol>
        </div>
        <div role="status" aria-live="polite" aria-relevant="additions text" aria-atomic="false">
          <ol className="flex flex-col gap-2">
            {toasts
              .filter((toast) => toast.tone !== "error")
              .map((toast) => (
                <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
              ))}
          </ol>
        </div>
      </section>
    </ToastContext.Provider>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const [paused, setPaused] = useState(false);
  const { id } = toast;

  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(() => onDismiss(id), DISMISS_AFTER_MS);
    return () => clearTimeout(timer);
  }, [paused, id, onDismiss]);

  const handlers = useMemo(
    () => ({
      onMouseEnter: () => setPaused(true),
      onMouseLeave: () => setPaused(false),
      onFocus: () => setPaused(true),
      onBlur: () => setPaused(false),
    }),
    [],
  );

  return (
    <li
      {...handlers}
      data-testid="toast"
      data-tone={toast.tone ?? "info"}
      className="pointer-events-auto flex items-start gap-3 rounded-card border border-line bg-surface-raised p-4 text-ink shadow-lg"
    >
      <span
        aria-hidden="true"
        className={`mt-1.5 inline-block h-2 w-2 shrink-0 rounded-full ${toast.tone === "error" ? "bg-red-600 dark:bg-red-400" : "bg-brand"}`}
      />
      <div className="min-w-0 flex-1">
        <p className="font-medium">{toast.title}</p>
        {toast.body && <p className="mt-0.5 text-sm text-ink-muted">{toast.body}</p>}
        {toast.href && (
          <Link
            href={toast.href}
            onClick={() => onDismiss(id)}
            className="mt-2 inline-block text-sm font-medium text-brand underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-brand"
          >
            Open
          </Link>
        )}
      </div>
      <button
        type="button"
        onClick={() => onDismiss(id)}
        aria-label={`Dismiss: ${toast.title}`}
        className="-m-1 inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-full text-ink-muted transition hover:bg-brand-soft hover:text-ink focus-visible:outline-2 focus-visible:outline-brand"
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}
