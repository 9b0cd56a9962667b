"use client";

import { useTransition } from "react";
import { signOutTo } from "@/components/identity/sign-out";

export function SignOutButton() {
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      onClick={() => startTransition(() => signOutTo("/"))}
      disabled={pending}
      className="inline-flex min-h-11 items-center rounded-full border border-line md:min-h-0 bg-surface-raised px-3 py-1.5 text-sm font-medium transition hover:border-brand disabled:opacity-60"
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
