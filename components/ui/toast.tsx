"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { toast, Toaster as SonnerToaster } from "sonner";

export interface ToastInput {
  title: string;
  body?: string;
  /** A page on this site the toast points to. */
  href?: string | null;
}

const DISMISS_AFTER_MS = 6_000;
const MAX_VISIBLE = 4;
/** Like everything pinned to the bottom, toasts sit above the customers' tab bar while it shows (app/globals.css). */
const ABOVE_BOTTOM_BAR = "calc(var(--bottom-bar-height, 0px) + 1rem)";

/**
 * Shows a small, polite toast (Sonner): announced by screen readers without interrupting, dismissed after a few
 * seconds (paused while the pointer is over the toasts or the tab is hidden), by its button, or by a swipe.
 * It appears where a `Toaster` is mounted (the signed-in shell); elsewhere nothing shows.
 */
export function showToast({ title, body, href }: ToastInput): void {
  toast.custom((id) => <ToastCard title={title} body={body} href={href} onDismiss={() => toast.dismiss(id)} />, {
    testId: "toast",
  });
}

/**
 * Where toasts appear. Sonner keeps its polite live region in the DOM from the first render, so a screen reader
 * already knows the region when the first toast arrives (a region created together with its toast stays silent).
 */
export function Toaster() {
  return (
    <SonnerToaster
      position="bottom-right"
      containerAriaLabel="Live updates"
      duration={DISMISS_AFTER_MS}
      visibleToasts={MAX_VISIBLE}
      offset={{ bottom: ABOVE_BOTTOM_BAR }}
      mobileOffset={{ bottom: ABOVE_BOTTOM_BAR }}
      toastOptions={{ unstyled: true, className: "w-full sm:w-96" }}
    />
  );
}

function ToastCard({ title, body, href, onDismiss }: ToastInput & { onDismiss: () => void }) {
  return (
    <div className="flex w-full items-start gap-3 rounded-card border border-line bg-surface-raised p-4 text-ink shadow-lg">
      <span aria-hidden="true" className="mt-1.5 inline-block h-2 w-2 shrink-0 rounded-full bg-brand" />
      <div className="min-w-0 flex-1">
        <p className="font-medium">{title}</p>
        {body && <p className="mt-0.5 text-sm text-ink-muted">{body}</p>}
        {href && (
          <IntentLink
            href={href}
            onClick={onDismiss}
            className="mt-2 inline-block text-sm font-medium text-brand underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-brand"
          >
            Open
          </IntentLink>
        )}
      </div>
      <button
        type="button"
        onClick={onDismiss}
        aria-label={`Dismiss: ${title}`}
        className="-my-2 -mr-2 inline-flex h-11 w-11 shrink-0 items-center justify-center rounded-full text-ink-muted transition hover:bg-brand-soft hover:text-ink focus-visible:outline-2 focus-visible:outline-brand"
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
