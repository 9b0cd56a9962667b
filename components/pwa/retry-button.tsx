"use client";

import { primaryButtonClass } from "@/components/ui/buttons";

/** Loads the address again: the page the visitor wanted (the offline page keeps its URL). */
export function RetryButton() {
  return (
    <button type="button" onClick={() => window.location.reload()} className={`${primaryButtonClass} min-h-11`}>
      Try again
    </button>
  );
}
