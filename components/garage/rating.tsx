import type { ServiceRating } from "@/lib/modules/garage/views";

/** Five stars, the filled ones for the (rounded) rating; the text says the number for screen readers. */
export function Stars({ value, className = "" }: { value: number; className?: string }) {
  const filled = Math.round(value);
  return (
    <span aria-hidden="true" className={`tracking-tight text-amber-500 dark:text-amber-300 ${className}`}>
      {"★".repeat(filled)}
      <span className="text-ink-muted/40">{"★".repeat(5 - filled)}</span>
    </span>
  );
}

/** A service's average rating and review count, or "No reviews yet". */
export function RatingSummary({ rating, className = "" }: { rating: ServiceRating; className?: string }) {
  if (rating.average === null || rating.count === 0) return <p className={`text-xs text-ink-muted ${className}`}>No reviews yet</p>;
  const reviews = `${rating.count} ${rating.count === 1 ? "review" : "reviews"}`;
  return (
    <p className={`flex items-center gap-1.5 text-sm ${className}`} data-testid="service-rating">
      <Stars value={rating.average} />
      <span className="sr-only">{`Rated ${rating.average.toFixed(1)} out of 5 from ${reviews}`}</span>
      <span aria-hidden="true">
        <strong>{rating.average.toFixed(1)}</strong> <span className="text-ink-muted">({reviews})</span>
      </span>
    </p>
  );
}
