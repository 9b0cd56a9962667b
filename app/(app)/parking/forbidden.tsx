import { IntentLink } from "@/components/ui/intent-link";

/** Rendered, with status 403, when a parking page calls forbidden(). */
export default function ParkingAccessDenied() {
  return (
    <section className="mx-auto max-w-lg rounded-card border border-line bg-surface-raised p-8 text-center shadow-sm">
      <p className="text-sm font-medium uppercase tracking-widest text-ink-muted">403</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Access denied</h1>
      <p className="mt-3 text-ink-muted">Your role does not have permission to use this parking page.</p>
      <IntentLink href="/dashboard" className="mt-6 inline-block font-medium text-brand underline-offset-4 hover:underline">
        Back to your dashboard
      </IntentLink>
    </section>
  );
}
