"use client";

import { secondaryButtonClass } from "@/components/ui/buttons";

/** Opens the browser's print dialog (the page's print stylesheet makes a clean A4 page). */
export function PrintButton({ label = "Print" }: { label?: string }) {
  return (
    <button type="button" onClick={() => window.print()} className={`${secondaryButtonClass} print:hidden`}>
      {label}
    </button>
  );
}
