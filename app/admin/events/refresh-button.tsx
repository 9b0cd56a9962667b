"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";

/** Re-renders the page's server data in place. */
export function RefreshButton({ label = "Refresh" }: { label?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      onClick={() => startTransition(() => router.refresh())}
      disabled={pending}
      className="rounded-full border border-line bg-surface-raised px-3 py-1.5 text-sm font-medium transition hover:border-brand focus-visible:outline-2 focus-visible:outline-brand disabled:opacity-60"
    >
      {pending ? "Refreshing…" : label}
    </button>
  );
}
