/**
 * Shown while a parking list loads its data. It lives in the (lists) group so the
 * spot page (spots/[id]) is outside its Suspense boundary: that page decides
 * "not found" before streaming starts, so the answer is a real HTTP 404.
 */
export default function ParkingLoading() {
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">Loading…</span>
      <div className="h-9 w-56 rounded-lg bg-line motion-safe:animate-pulse" />
      <div className="h-40 rounded-card border border-line bg-surface-raised motion-safe:animate-pulse" />
    </div>
  );
}
