/** Shown while a parking page loads its data. */
export default function ParkingLoading() {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">Loading…</span>
      <div className="h-9 w-56 rounded-lg bg-line motion-safe:animate-pulse" />
      <div className="h-40 rounded-card border border-line bg-surface-raised motion-safe:animate-pulse" />
    </div>
  );
}
