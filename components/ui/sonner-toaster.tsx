"use client";

import { useEffect } from "react";
import { Toaster } from "sonner";

const DISMISS_AFTER_MS = 6_000;
const MAX_VISIBLE = 4;
/** Like everything pinned to the bottom, toasts sit above the customers' tab bar while it shows (app/globals.css). */
const ABOVE_BOTTOM_BAR = "calc(var(--bottom-bar-height, 0px) + 1rem)";

/** Sonner's toaster, loaded after the page (toast.tsx); `onMounted` once its live region is in the document. */
export function SonnerToaster({ onMounted }: { onMounted: () => void }) {
  // After Sonner's own effects (a child's run first): it is listening for toasts by now.
  useEffect(onMounted, [onMounted]);
  return (
    <Toaster
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
