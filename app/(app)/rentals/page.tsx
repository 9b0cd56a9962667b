import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden } from "next/navigation";
import { CatalogueFilters } from "@/components/rentals/catalogue-filters";
import { VehicleCard } from "@/components/rentals/vehicle-card";
import { requirePrincipal } from "@/components/shell/session";
import { ValidationError } from "@/lib/errors";
import { rentalCapabilities } from "@/lib/modules/rentals/services/access";
import { listBranches } from "@/lib/modules/rentals/services/branches";
import { formatCalendarDate, today } from "@/lib/modules/rentals/view-models/dates";
import { readSearchFilters, withSearch, type PageSearchParams } from "@/lib/modules/rentals/view-models/search-params";
import { listVehicles } from "@/lib/modules/rentals/services/vehicles";

export const metadata: Metadata = { title: "Rent a vehicle" };

const PAGE_SIZE = 12;
const FILTERS = ["type", "city", "minPrice", "maxPrice", "availableFrom", "availableTo", "sort", "q"] as const;

export default async function CataloguePage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const principal = await requirePrincipal();
  const can = rentalCapabilities(principal);
  if (!can.browseVehicles) forbidden();

  const params = await searchParams;
  const filters = readSearchFilters(params, FILTERS);
  const offset = Math.max(0, Number(readSearchFilters(params, ["offset"]).offset ?? 0) || 0);
  const [result, branches] = await Promise.all([
    listVehicles(principal, { ...filters, limit: PAGE_SIZE, offset }).catch((error: unknown) => {
      if (error instanceof ValidationError) return error;
      throw error;
    }),
    principal.scopes.has("READ:BRANCHES") ? listBranches(principal, { limit: 200 }) : { items: [], total: 0 },
  ]);
  const cities = [...new Set(branches.items.map((branch) => branch.city))].sort();
  const dates = { from: filters.availableFrom, to: filters.availableTo };

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">Rent a vehicle</h1>
          <p className="mt-2 text-ink-muted">Choose your dates to see what is free, then request it. The rental desk approves requests.</p>
        </div>
        {can.requestRentals && (
          <IntentLink href="/rentals/mine" className="rounded-full border border-line px-4 py-2 text-sm font-medium hover:border-brand">
            My rentals
          </IntentLink>
        )}
      </div>

      <CatalogueFilters values={filters} cities={cities} today={formatCalendarDate(today())} />

      {result instanceof ValidationError ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-700 dark:border-red-900 dark:bg-red-950/40 dark:text-red-400">
          Please check the filters: {result.fields.map((field) => `${String(field.loc.at(-1))} ${field.msg}`).join("; ")}.
        </p>
      ) : (
        <section aria-labelledby="results-heading" className="space-y-4">
          <h2 id="results-heading" className="text-sm text-ink-muted" data-testid="vehicle-count">
            {result.total === 1 ? "1 vehicle" : `${result.total} vehicles`}
            {dates.from && dates.to ? ` free from ${dates.from} until ${dates.to}` : ""}
          </h2>
          {result.items.length === 0 ? (
            <p className="rounded-card border border-dashed border-line p-10 text-center text-ink-muted">
              No vehicle matches these filters. Try other dates or a wider price range.
            </p>
          ) : (
            <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
              {result.items.map((vehicle) => (
                <VehicleCard key={vehicle.id} vehicle={vehicle} href={withSearch(`/rentals/vehicles/${vehicle.id}`, dates)} />
              ))}
            </ul>
          )}
          {result.total > PAGE_SIZE && (
            <nav aria-label="Pages of vehicles" className="flex items-center justify-between text-sm">
              <p className="text-ink-muted">
                {offset + 1}–{Math.min(result.total, offset + PAGE_SIZE)} of {result.total}
              </p>
              <div className="flex gap-2">
                {offset > 0 && (
                  <IntentLink href={withSearch("/rentals", { ...filters, offset: String(Math.max(0, offset - PAGE_SIZE)) })} className="rounded-full border border-line px-3 py-1 hover:border-brand">
                    Previous
                  </IntentLink>
                )}
                {offset + PAGE_SIZE < result.total && (
                  <IntentLink href={withSearch("/rentals", { ...filters, offset: String(offset + PAGE_SIZE) })} className="rounded-full border border-line px-3 py-1 hover:border-brand">
                    Next
                  </IntentLink>
                )}
              </div>
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
