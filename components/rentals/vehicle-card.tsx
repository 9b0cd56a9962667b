import Image from "next/image";
import { IntentLink } from "@/components/ui/intent-link";
import { formatMoney } from "@/lib/modules/rentals/view-models/money";
import type { VehicleView } from "@/lib/modules/rentals/views";
import { FUEL_LABELS, TRANSMISSION_LABELS, VEHICLE_TYPE_LABELS } from "@/lib/modules/rentals/vocabulary";
import { VehicleStatusBadge } from "./badges";

/** The vehicle's photo, or a drawn placeholder naming its type. */
export function VehiclePhoto({ vehicle, sizes }: { vehicle: Pick<VehicleView, "photoUrl" | "make" | "model" | "type">; sizes: string }) {
  return (
    <div className="relative aspect-[16/9] overflow-hidden rounded-t-card bg-gradient-to-br from-brand-soft to-surface">
      {vehicle.photoUrl ? (
        <Image src={vehicle.photoUrl} alt={`${vehicle.make} ${vehicle.model}`} fill sizes={sizes} unoptimized className="object-cover" />
      ) : (
        <div aria-hidden="true" className="flex h-full items-center justify-center text-5xl font-semibold tracking-tight text-ink/15">
          {VEHICLE_TYPE_LABELS[vehicle.type]}
        </div>
      )}
    </div>
  );
}

export function VehicleCard({ vehicle, href }: { vehicle: VehicleView; href: string }) {
  return (
    <li className="group relative flex flex-col overflow-hidden rounded-card border border-t-4 border-line border-t-rentals bg-surface-raised shadow-sm transition hover:border-brand">
      <VehiclePhoto vehicle={vehicle} sizes="(min-width: 1024px) 33vw, 100vw" />
      <div className="flex flex-1 flex-col gap-3 p-5">
        <div className="flex items-start justify-between gap-3">
          <h2 className="text-lg font-semibold leading-tight">
            <IntentLink href={href} className="after:absolute after:inset-0 focus-visible:outline-2 focus-visible:outline-brand">
              {vehicle.make} {vehicle.model}
            </IntentLink>
          </h2>
          {vehicle.status !== "AVAILABLE" && <VehicleStatusBadge status={vehicle.status} />}
        </div>
        <p className="text-sm text-ink-muted">
          {vehicle.year} · {VEHICLE_TYPE_LABELS[vehicle.type]} · {vehicle.seats} seats · {TRANSMISSION_LABELS[vehicle.transmission]} ·{" "}
          {FUEL_LABELS[vehicle.fuel]}
        </p>
        <div className="mt-auto flex items-end justify-between gap-3">
          <p className="text-sm text-ink-muted">
            {vehicle.branch.name}
            <span className="block">{vehicle.branch.city}</span>
          </p>
          <p className="text-right">
            <span className="text-xl font-semibold" data-testid="daily-price">
              {formatMoney(vehicle.dailyPrice)}
            </span>
            <span className="block text-xs text-ink-muted">per day</span>
          </p>
        </div>
      </div>
    </li>
  );
}
