import { IntentLink } from "@/components/ui/intent-link";

/** A spot or page of parking that does not exist (or no longer does). */
export default function ParkingNotFound() {
  return (
    <section className="mx-auto max-w-lg rounded-card border border-line bg-surface-raised p-8 text-center shadow-sm">
      <p className="text-sm font-medium uppercase tracking-widest text-ink-muted">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Spot not found</h1>
      <p className="mt-3 text-ink-muted">It may have been deleted by its owner.</p>
      <IntentLink href="/parking" className="mt-6 inline-block font-medium text-brand underline-offset-4 hover:underline">
        Back to the parking board
      </IntentLink>
    </section>
  );
}
