import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden, notFound } from "next/navigation";
import { toggleFavouriteAction } from "@/app/(app)/garage/actions";
import { addToCartAction } from "@/app/(app)/garage/cart/actions";
import { changeReviewAction, deleteReviewAction, writeReviewAction } from "@/app/(app)/garage/services/[id]/actions";
import { FavouriteStar } from "@/components/garage/favourite-star";
import { RatingSummary, Stars } from "@/components/garage/rating";
import { ReviewForm } from "@/components/garage/review-form";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { ActionButton } from "@/components/ui/action-button";
import { linkClass, smallStrongButtonClass } from "@/components/ui/buttons";
import { NotFoundError } from "@/lib/errors";
import { listCars } from "@/lib/modules/garage/services/cars";
import { getService } from "@/lib/modules/garage/services/catalogue";
import { listFavourites } from "@/lib/modules/garage/services/favourites";
import { getServicePricesForCar } from "@/lib/modules/garage/services/price-chart";
import { listServiceReviews, reviewableLines } from "@/lib/modules/garage/services/reviews";
import { garageSettings } from "@/lib/modules/garage/settings";
import { formatShopTime } from "@/lib/modules/garage/view-models/shop-clock";
import type { ServicePriceView } from "@/lib/modules/garage/views";
import { formatLabour } from "@/lib/modules/garage/view-models/labour";
import { formatMinor, formatRate } from "@/lib/modules/garage/view-models/money";
import { actsOnOwnRowsOnly } from "@/lib/modules/garage/vocabulary";

export const metadata: Metadata = { title: "Service" };

const LIVE_TOPICS = ["catalogue_events", "car_events", "cart_events", "booking_events"] as const;

const SOURCE_TEXT: Record<ServicePriceView["source"], string> = {
  MODEL: "price for this model",
  SEGMENT: "price for its segment",
  BASE: "standard price",
};

export default async function GarageServicePage({ params }: { params: Promise<{ id: string }> }) {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("READ:SERVICES")) forbidden();
  const { id } = await params;
  const service = await getService(principal, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const customer = actsOnOwnRowsOnly(principal);
  const [cars, favourites] = await Promise.all([
    customer && principal.scopes.has("READ:CUSTOMER_CARS") ? listCars(principal, { limit: 200 }) : { items: [], total: 0 },
    customer && principal.scopes.has("READ:FAVOURITES") ? listFavourites(principal, { limit: 200 }) : { items: [], total: 0 },
  ]);
  const canPrice = principal.scopes.has("READ:PRICE_CHART");
  const prices = new Map(
    await Promise.all(
      cars.items.map(async (car) => [car.id, canPrice ? (await getServicePricesForCar(principal, car.id, [service.id])).get(service.id) : undefined] as const),
    ),
  );
  const canStar = customer && principal.scopes.has("WRITE:FAVOURITES") && principal.scopes.has("DELETE:FAVOURITES");
  const [reviews, reviewable] = await Promise.all([
    principal.scopes.has("READ:SERVICE_REVIEWS") ? listServiceReviews(principal, service.id, { limit: 20 }) : { items: [], total: 0 },
    customer && principal.scopes.has("WRITE:SERVICE_REVIEWS") ? reviewableLines(principal, service.id) : [],
  ]);
  const moderator = principal.role === "ADMIN";
  const timeZone = garageSettings().GARAGE_TIME_ZONE;
  const canAddToCart = customer && principal.scopes.has("WRITE:CART");

  return (
    <article className="space-y-8">
      <LiveRefresh topics={LIVE_TOPICS} />
      <IntentLink href="/garage" className={`${linkClass} text-sm`}>
        ← All services
      </IntentLink>
      <div className="flex items-start justify-between gap-4">
        <div>
          <p className="text-sm font-medium uppercase tracking-wide text-ink-muted">{service.category.name}</p>
          <h1 className="mt-1 text-3xl font-semibold tracking-tight">{service.name}</h1>
          <RatingSummary rating={service.rating} className="mt-2" />
          <p className="mt-3 max-w-prose whitespace-pre-line text-ink-muted">{service.description}</p>
          <p className="mt-3 text-sm">
            About <strong>{formatLabour(service.labourMinutes)}</strong> in the workshop · standard price {formatMinor(service.basePriceMinor, service.currency)}
          </p>
        </div>
        {canStar && (
          <FavouriteStar
            action={toggleFavouriteAction}
            serviceId={service.id}
            serviceName={service.name}
            starred={favourites.items.some((favourite) => favourite.serviceId === service.id)}
          />
        )}
      </div>

      {customer && (
        <section aria-labelledby="prices-heading" className="space-y-3">
          <h2 id="prices-heading" className="text-xl font-semibold">
            For your cars
          </h2>
          {cars.items.length === 0 ? (
            <p className="text-sm">
              <IntentLink href="/garage/cars" className={linkClass}>
                Add your car
              </IntentLink>{" "}
              to see its price and book.
            </p>
          ) : (
            <ul className="divide-y divide-line rounded-card border border-line bg-surface-raised">
              {cars.items.map((car) => {
                const price = prices.get(car.id);
                return (
                  <li key={car.id} data-testid="car-price" className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                    <div>
                      <p className="font-medium">
                        {car.carModel.make} {car.carModel.model} <span className="font-mono text-sm">{car.plate}</span>
                      </p>
                      {price && (
                        <p className="text-sm text-ink-muted">
                          {formatMinor(price.priceMinor, price.currency)} + GST {formatRate(price.gstBasisPoints)} {formatMinor(price.taxMinor, price.currency)} ={" "}
                          <strong className="text-ink">{formatMinor(price.totalMinor, price.currency)}</strong> · {SOURCE_TEXT[price.source]}
                        </p>
                      )}
                    </div>
                    {canAddToCart && (
                      <ActionButton
                        action={addToCartAction}
                        fields={{ serviceId: service.id, carId: car.id }}
                        label="Add to cart"
                        pendingLabel="Adding…"
                        ariaLabel={`Add to cart: ${service.name} for ${car.plate}`}
                        className={smallStrongButtonClass}
                        showSuccess
                      />
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}

      <section aria-labelledby="reviews-heading" className="space-y-4">
        <h2 id="reviews-heading" className="text-xl font-semibold">
          Reviews
        </h2>
        {reviewable.map((line) => (
          <div key={line.bookedServiceId} className="rounded-card border border-line bg-surface-raised p-4" data-testid="review-invite">
            <p className="mb-2 text-sm font-medium">
              How was it? Your visit of {formatShopTime(line.slotStart, timeZone)} with <span className="font-mono">{line.carPlate}</span>
            </p>
            <ReviewForm action={writeReviewAction} hidden={{ bookedServiceId: line.bookedServiceId }} label={`Review ${service.name} for ${line.carPlate}`} submitLabel="Publish review" />
          </div>
        ))}
        {reviews.items.length === 0 ? (
          <p className="text-sm text-ink-muted">No reviews yet.</p>
        ) : (
          <ul className="divide-y divide-line rounded-card border border-line bg-surface-raised">
            {reviews.items.map((review) => {
              const own = review.customerId === principal.userId;
              return (
                <li key={review.id} className="space-y-2 px-4 py-3" data-testid="service-review">
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    <Stars value={review.rating} />
                    <span className="sr-only">{`${review.rating} out of 5`}</span>
                    <strong>{review.authorName}</strong>
                    <span className="text-ink-muted">{formatShopTime(review.createdAt, timeZone)}</span>
                  </p>
                  {review.text && <p className="whitespace-pre-line text-sm">{review.text}</p>}
                  {(own || moderator) && (
                    <div className="flex flex-wrap items-start gap-4">
                      <details>
                        <summary className={`${linkClass} cursor-pointer text-sm`}>{own ? "Change your review" : "Moderate the text"}</summary>
                        <div className="mt-2">
                          <ReviewForm
                            action={changeReviewAction}
                            hidden={{ id: review.id }}
                            label={own ? "Change your review" : `Moderate the review by ${review.authorName}`}
                            submitLabel="Save"
                            initial={{ rating: review.rating, text: review.text }}
                            ratingLocked={!own}
                          />
                        </div>
                      </details>
                      <ActionButton
                        action={deleteReviewAction}
                        fields={{ id: review.id }}
                        label="Delete"
                        pendingLabel="Deleting…"
                        ariaLabel={own ? "Delete your review" : `Delete the review by ${review.authorName}`}
                        confirm={{ question: "Delete this review?", yes: "Yes, delete", keep: "Keep it" }}
                        align="start"
                      />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {reviews.total > reviews.items.length && <p className="text-xs text-ink-muted">The newest {reviews.items.length} of {reviews.total} reviews.</p>}
      </section>
    </article>
  );
}
