import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden } from "next/navigation";
import { toggleFavouriteAction } from "@/app/(app)/garage/actions";
import { addToCartAction } from "@/app/(app)/garage/cart/actions";
import { FavouriteStar } from "@/components/garage/favourite-star";
import { RatingSummary } from "@/components/garage/rating";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { ActionButton } from "@/components/ui/action-button";
import { linkClass, secondaryButtonClass, selectClass, smallStrongButtonClass } from "@/components/ui/buttons";
import { inputClass } from "@/components/ui/form";
import { EmptyState, PageHeading } from "@/components/ui/page";
import { ValidationError } from "@/lib/errors";
import { listCars } from "@/lib/modules/garage/services/cars";
import { listServiceCategories, listServices } from "@/lib/modules/garage/services/catalogue";
import { listFavourites } from "@/lib/modules/garage/services/favourites";
import { getServicePricesForCar } from "@/lib/modules/garage/services/price-chart";
import { formatMinor } from "@/lib/modules/garage/view-models/money";
import { formatLabour } from "@/lib/modules/garage/view-models/labour";
import { actsOnOwnRowsOnly } from "@/lib/modules/garage/vocabulary";

export const metadata: Metadata = { title: "Garage services" };

const LIVE_TOPICS = ["catalogue_events", "car_events", "cart_events"] as const;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const single = (value: string | string[] | undefined) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);

export default async function GarageCataloguePage({ searchParams }: { searchParams: SearchParams }) {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("READ:SERVICES")) forbidden();
  const params = await searchParams;
  const q = single(params.q);
  const category = single(params.category);
  const customer = actsOnOwnRowsOnly(principal);

  const [categories, services, cars, favourites] = await Promise.all([
    principal.scopes.has("READ:SERVICE_CATEGORIES") ? listServiceCategories(principal, { limit: 200 }) : { items: [], total: 0 },
    listServices(principal, { q, category, active: "true", limit: 200 }).catch((error: unknown) => {
      if (error instanceof ValidationError) return { items: [], total: 0 };
      throw error;
    }),
    customer && principal.scopes.has("READ:CUSTOMER_CARS") ? listCars(principal, { limit: 200 }) : { items: [], total: 0 },
    customer && principal.scopes.has("READ:FAVOURITES") ? listFavourites(principal, { limit: 200 }) : { items: [], total: 0 },
  ]);
  const car = cars.items.find((candidate) => candidate.id === single(params.car)) ?? cars.items[0];
  const prices =
    car && principal.scopes.has("READ:PRICE_CHART")
      ? await getServicePricesForCar(principal, car.id, services.items.map((service) => service.id))
      : new Map();
  const starred = new Set(favourites.items.map((favourite) => favourite.serviceId));
  const canStar = customer && principal.scopes.has("WRITE:FAVOURITES") && principal.scopes.has("DELETE:FAVOURITES");
  const canAddToCart = customer && principal.scopes.has("WRITE:CART") && car !== undefined;
  const categoryHref = (slug?: string) => {
    const query = new URLSearchParams({ ...(q ? { q } : {}), ...(slug ? { category: slug } : {}), ...(car ? { car: car.id } : {}) });
    return `/garage${query.size > 0 ? `?${query.toString()}` : ""}`;
  };

  return (
    <div className="space-y-8">
      <LiveRefresh topics={LIVE_TOPICS} />
      <PageHeading title="Garage services">
        Find a service, see what it costs for your car, put it in your cart and book a drop-off slot that the workshop can honour.
      </PageHeading>

      <form method="get" action="/garage" className="flex flex-wrap items-end gap-3" role="search">
        {category && <input type="hidden" name="category" value={category} />}
        <label className="flex min-w-56 flex-1 flex-col gap-1 text-sm font-medium">
          Search services
          <input type="search" name="q" defaultValue={q} placeholder="Brake pads, AC gas, wheel alignment…" className={inputClass} />
        </label>
        {cars.items.length > 0 && (
          <label className="flex flex-col gap-1 text-sm font-medium">
            Prices for
            <select name="car" defaultValue={car?.id} className={selectClass}>
              {cars.items.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.carModel.make} {option.carModel.model} · {option.plate}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" className={secondaryButtonClass}>
          Show
        </button>
      </form>

      {categories.items.length > 0 && (
        <nav aria-label="Service categories" className="-mx-1 flex flex-wrap gap-2">
          {[{ slug: undefined, name: "All services" }, ...categories.items].map((entry) => {
            const current = entry.slug === category;
            return (
              <IntentLink
                key={entry.slug ?? "all"}
                href={categoryHref(entry.slug)}
                aria-current={current ? "page" : undefined}
                className={`inline-flex min-h-11 items-center rounded-full border px-4 text-sm font-medium transition ${
                  current ? "border-brand bg-brand-soft text-ink" : "border-line text-ink-muted hover:border-brand hover:text-ink"
                }`}
              >
                {entry.name}
              </IntentLink>
            );
          })}
        </nav>
      )}

      {customer && cars.items.length === 0 && (
        <p className="rounded-card border border-line bg-surface-raised px-4 py-3 text-sm" data-testid="add-car-hint">
          Prices depend on your car.{" "}
          <IntentLink href="/garage/cars" className={linkClass}>
            Add your car
          </IntentLink>{" "}
          to see what each service costs for it and to book.
        </p>
      )}

      <p className="text-sm text-ink-muted" data-testid="service-count">
        {services.total === 1 ? "1 service" : `${services.total} services`}
        {car ? ` · prices for ${car.carModel.make} ${car.carModel.model} (${car.plate}), GST added at checkout` : ""}
      </p>

      {services.items.length === 0 ? (
        <EmptyState>No service matches. Try another word or category.</EmptyState>
      ) : (
        <ul className="grid gap-5 sm:grid-cols-2 xl:grid-cols-3">
          {services.items.map((service) => {
            const price = prices.get(service.id);
            return (
              <li key={service.id} data-testid="service-card" className="flex flex-col rounded-card border border-line bg-surface-raised p-5 shadow-sm">
                <div className="flex items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="text-xs font-medium uppercase tracking-wide text-ink-muted">{service.category.name}</p>
                    <h2 className="mt-1 text-lg font-semibold leading-snug">
                      <IntentLink href={`/garage/services/${service.id}`} className="hover:underline">
                        {service.name}
                      </IntentLink>
                    </h2>
                  </div>
                  {canStar && (
                    <FavouriteStar action={toggleFavouriteAction} serviceId={service.id} serviceName={service.name} starred={starred.has(service.id)} />
                  )}
                </div>
                <RatingSummary rating={service.rating} className="mt-1" />
                <p className="mt-2 line-clamp-3 text-sm text-ink-muted">{service.description}</p>
                <div className="mt-auto flex flex-wrap items-end justify-between gap-3 pt-4">
                  <div>
                    <p className="text-xl font-semibold" data-testid="service-price">
                      {price ? formatMinor(price.priceMinor, price.currency) : `from ${formatMinor(service.basePriceMinor, service.currency)}`}
                    </p>
                    <p className="text-xs text-ink-muted">about {formatLabour(service.labourMinutes)} in the workshop</p>
                  </div>
                  {canAddToCart && car && (
                    <ActionButton
                      action={addToCartAction}
                      fields={{ serviceId: service.id, carId: car.id }}
                      label="Add to cart"
                      pendingLabel="Adding…"
                      ariaLabel={`Add to cart: ${service.name}`}
                      className={smallStrongButtonClass}
                      showSuccess
                    />
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
