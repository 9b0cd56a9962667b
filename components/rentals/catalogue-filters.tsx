import { IntentLink } from "@/components/ui/intent-link";
import { inputClass, primaryButtonClass } from "@/components/ui/form";
import { VEHICLE_SORT_LABELS, VEHICLE_SORTS, VEHICLE_TYPE_LABELS, VEHICLE_TYPES } from "@/lib/modules/rentals/vocabulary";

interface CatalogueFiltersProps {
  values: Record<string, string>;
  cities: string[];
  today: string;
}

const label = "block text-sm font-medium";

/** A plain GET form: the filters live in the URL, so results can be shared and work without JavaScript. */
export function CatalogueFilters({ values, cities, today }: CatalogueFiltersProps) {
  return (
    <form method="get" action="/rentals" aria-label="Filter vehicles" className="rounded-card border border-line bg-surface-raised p-5 shadow-sm">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <label htmlFor="filter-from" className={label}>
            From
          </label>
          <input id="filter-from" name="availableFrom" type="date" min={today} defaultValue={values.availableFrom} className={inputClass} />
        </div>
        <div>
          <label htmlFor="filter-to" className={label}>
            Until (return day)
          </label>
          <input id="filter-to" name="availableTo" type="date" min={today} defaultValue={values.availableTo} className={inputClass} />
        </div>
        <div>
          <label htmlFor="filter-city" className={label}>
            City
          </label>
          <select id="filter-city" name="city" defaultValue={values.city ?? ""} className={inputClass}>
            <option value="">Any city</option>
            {cities.map((city) => (
              <option key={city} value={city}>
                {city}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-type" className={label}>
            Type
          </label>
          <select id="filter-type" name="type" defaultValue={values.type ?? ""} className={inputClass}>
            <option value="">Any type</option>
            {VEHICLE_TYPES.map((type) => (
              <option key={type} value={type}>
                {VEHICLE_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-min" className={label}>
            Min. price per day
          </label>
          <input id="filter-min" name="minPrice" type="number" min={0} step="any" inputMode="decimal" defaultValue={values.minPrice} className={inputClass} />
        </div>
        <div>
          <label htmlFor="filter-max" className={label}>
            Max. price per day
          </label>
          <input id="filter-max" name="maxPrice" type="number" min={0} step="any" inputMode="decimal" defaultValue={values.maxPrice} className={inputClass} />
        </div>
        <div>
          <label htmlFor="filter-q" className={label}>
            Make or model
          </label>
          <input id="filter-q" name="q" type="search" defaultValue={values.q} placeholder="e.g. Corolla" className={inputClass} />
        </div>
        <div>
          <label htmlFor="filter-sort" className={label}>
            Sort by
          </label>
          <select id="filter-sort" name="sort" defaultValue={values.sort ?? "make"} className={inputClass}>
            {VEHICLE_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {VEHICLE_SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="mt-5 flex flex-wrap items-center gap-4">
        <button type="submit" className={primaryButtonClass}>
          Show vehicles
        </button>
        <IntentLink href="/rentals" className="text-sm font-medium text-ink-muted underline-offset-4 hover:text-ink hover:underline">
          Clear filters
        </IntentLink>
        <p className="text-sm text-ink-muted">With both dates, only vehicles free for the whole period are shown.</p>
      </div>
    </form>
  );
}
