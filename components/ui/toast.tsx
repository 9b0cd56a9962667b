"use client";

import dynamic from "next/dynamic";
import { IntentLink } from "@/components/ui/intent-link";

export interface ToastInput {
  title: string;
  body?: string;
  /** A page on this site the toast points to. */
  href?: string | null;
}

let toasterMounted: () => void = () => {};
/** Settles once a `Toaster`'s live region is in the document (and stays settled for the page's life). */
const toasterReady = new Promise<void>((resolve) => {
  toasterMounted = resolve;
});

/**
 * Shows a small, polite toast (Sonner): announced by screen readers without interrupting, dismissed after a few
 * seconds (paused while the pointer is over the toasts or the tab is hidden), by its button, or by a swipe.
 * It appears where a `Toaster` is mounted (the signed-in shell), once that has loaded; elsewhere nothing shows.
 */
export function showToast({ title, body, href }: ToastInput): void {
  void Promise.all([import("sonner"), toasterReady]).then(([{ toast }]) => {
    toast.custom((id) => <ToastCard title={title} body={body} href={href} onDismiss={() => toast.dismiss(id)} />, {
      testId: "toast",
    });
  });
}

// Sonner (its script, its injected styles and its region) is not needed to show a page: it loads after it, in a
// chunk of its own, rather than in the scripts every signed-in page waits for.
const LazySonnerToaster = dynamic(() => import("./sonner-toaster").then((module) => module.SonnerToaster), { ssr: false });

/**
 * Where toasts appear. Sonner's polite live region is in the document before the first toast is shown (toasts
 * wait for it), so a screen reader already knows the region when one arrives (a region created together with its
 * toast stays silent).
 */
export function Toaster() {
  return <LazySonnerToaster onMounted={toasterMounted} />;
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
