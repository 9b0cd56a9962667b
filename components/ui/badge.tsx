/** Status badges: one shape, a few tones; each module maps its statuses to a tone and a label. */

export type BadgeTone = "positive" | "attention" | "progress" | "info" | "danger" | "done" | "quiet";

const TONES: Record<BadgeTone, string> = {
  positive: "bg-brand-soft text-ink",
  attention: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200",
  progress: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  info: "bg-blue-100 text-blue-900 dark:bg-blue-900/40 dark:text-blue-200",
  danger: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  done: "bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-200",
  quiet: "border border-line bg-surface text-ink-muted",
};

export function Badge({ label, tone, status, testId }: { label: string; tone: BadgeTone; status?: string; testId?: string }) {
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium ${TONES[tone]}`} data-status={status} data-testid={testId}>
      {label}
    </span>
  );
}
