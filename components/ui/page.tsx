import type { ReactNode } from "react";

/** A page's title and its one-paragraph introduction. */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div>
      <h1 className="text-3xl font-semibold tracking-tight">{title}</h1>
      {children && <p className="mt-2 max-w-prose text-ink-muted">{children}</p>}
    </div>
  );
}

/** What a list says when it has nothing to show, and what to do about it. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded-card border border-dashed border-line px-4 py-6 text-center text-sm text-ink-muted">{children}</p>;
}
