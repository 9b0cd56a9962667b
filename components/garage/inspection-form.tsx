"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { FormMessage, inputClass, primaryButtonClass } from "@/components/ui/form";
import { smallButtonClass } from "@/components/ui/buttons";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";
import type { InspectionItemView } from "@/lib/modules/garage/views";
import { INSPECTION_RATING_LABELS, INSPECTION_RATINGS, type InspectionRatingName } from "@/lib/modules/garage/vocabulary";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

const RATING_STYLES: Record<InspectionRatingName, string> = {
  OK: "peer-checked:bg-emerald-600 peer-checked:text-white dark:peer-checked:bg-emerald-500 dark:peer-checked:text-emerald-950",
  ATTENTION: "peer-checked:bg-amber-500 peer-checked:text-amber-950 dark:peer-checked:bg-amber-400",
  CRITICAL: "peer-checked:bg-red-700 peer-checked:text-white dark:peer-checked:bg-red-400 dark:peer-checked:text-red-950",
};

/** One checklist item on a phone: the rating as three large segmented buttons, note, measurement, service, photos. */
export function InspectionItemCard({
  bookingId,
  item,
  services,
  action,
  locked,
}: {
  bookingId: string;
  item: InspectionItemView;
  services: ReadonlyArray<{ id: string; name: string }>;
  action: Action;
  locked: boolean;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE_FORM);
  const name = `item-${item.id}`;
  return (
    <article className="rounded-card border border-line bg-surface-raised p-4 shadow-sm">
      <h2 className="text-base font-semibold">
        {item.position}. {item.label}
      </h2>
      <form action={formAction} className="mt-3 space-y-3">
        <input type="hidden" name="bookingId" value={bookingId} />
        <input type="hidden" name="itemId" value={item.id} />
        <fieldset disabled={locked}>
          <legend className="sr-only">Rating of {item.label}</legend>
          <div className="grid grid-cols-3 overflow-hidden rounded-card border border-line">
            {INSPECTION_RATINGS.map((rating) => (
              <label key={rating} className="relative">
                <input type="radio" name="rating" value={rating} defaultChecked={item.rating === rating} className="peer sr-only" />
                <span
                  className={`flex min-h-14 cursor-pointer items-center justify-center px-2 text-center text-sm font-semibold peer-focus-visible:outline-2 peer-focus-visible:outline-brand ${RATING_STYLES[rating]}`}
                >
                  {INSPECTION_RATING_LABELS[rating]}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {item.measurementUnit && (
          <div>
            <input type="hidden" name="takesMeasurement" value="yes" />
            <label htmlFor={`${name}-measurement`} className="block text-sm font-medium">
              Measurement ({item.measurementUnit})
            </label>
            <input
              id={`${name}-measurement`}
              name="measurement"
              inputMode="decimal"
              disabled={locked}
              defaultValue={item.measurement ?? ""}
              className={`${inputClass} min-h-11 text-lg`}
            />
          </div>
        )}
        <div>
          <label htmlFor={`${name}-note`} className="block text-sm font-medium">
            Note for the customer
          </label>
          <textarea id={`${name}-note`} name="note" rows={2} disabled={locked} defaultValue={item.note} className={`${inputClass} min-h-11`} />
        </div>
        <div>
          <label htmlFor={`${name}-service`} className="block text-sm font-medium">
            Recommend when flagged
          </label>
          <select id={`${name}-service`} name="serviceId" disabled={locked} defaultValue={item.serviceId ?? ""} className={`${inputClass} min-h-11`}>
            <option value="">Nothing</option>
            {services.map((service) => (
              <option key={service.id} value={service.id}>
                {service.name}
              </option>
            ))}
          </select>
        </div>
        <FormMessage status={state.status} message={state.message} />
        {!locked && (
          <button type="submit" disabled={pending} className={`${primaryButtonClass} min-h-11 w-full`}>
            {pending ? "Saving…" : "Save item"}
          </button>
        )}
      </form>
      <ItemPhotos bookingId={bookingId} item={item} locked={locked} />
    </article>
  );
}

/** Photos go straight to the REST endpoint (multipart, up to 5 MB; a server action's body is too small for camera photos). */
function ItemPhotos({ bookingId, item, locked }: { bookingId: string; item: InspectionItemView; locked: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const full = item.photos.length >= 5;
  async function upload(file: File) {
    setBusy(true);
    setMessage(null);
    const form = new FormData();
    form.append("photo", file);
    const response = await fetch(`/api/v1/bookings/${bookingId}/inspection/items/${item.id}/photos`, { method: "POST", body: form });
    setBusy(false);
    if (response.ok) return router.refresh();
    const body = (await response.json().catch(() => null)) as { detail?: unknown } | null;
    const detail = body?.detail;
    setMessage(typeof detail === "string" ? detail : Array.isArray(detail) ? "That file is not a JPEG, PNG or WebP photo." : "The photo could not be uploaded.");
  }
  async function remove(id: string) {
    setBusy(true);
    const response = await fetch(`/api/v1/inspection-photos/${id}`, { method: "DELETE" });
    setBusy(false);
    if (response.ok) router.refresh();
    else setMessage("The photo could not be removed.");
  }
  return (
    <div className="mt-3 space-y-2">
      {item.photos.length > 0 && (
        <ul className="grid grid-cols-3 gap-2">
          {item.photos.map((photo) => (
            <li key={photo.id} className="space-y-1">
              <a href={photo.originalUrl} target="_blank" rel="noreferrer">
                {/* eslint-disable-next-line @next/next/no-img-element -- served by our API to signed-in staff and the customer only */}
                <img src={photo.url} alt={`Photo of ${item.label}`} className="aspect-square w-full rounded-card object-cover" loading="lazy" />
              </a>
              {!locked && (
                <button type="button" className={`${smallButtonClass} min-h-11 w-full`} disabled={busy} onClick={() => void remove(photo.id)}>
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!locked && !full && (
        <label className={`${smallButtonClass} flex min-h-11 w-full cursor-pointer items-center justify-center text-sm`}>
          {busy ? "Uploading…" : "Add a photo"}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp"
            capture="environment"
            className="sr-only"
            disabled={busy}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = "";
              if (file) void upload(file);
            }}
          />
        </label>
      )}
      {message && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {message}
        </p>
      )}
    </div>
  );
}

/** Start from a template, or submit once every item is rated. */
export function InspectionStepForm({ action, bookingId, label, children }: { action: Action; bookingId: string; label: string; children?: React.ReactNode }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, IDLE_FORM);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="bookingId" value={bookingId} />
      {children}
      <FormMessage status={state.status} message={state.message} />
      <button type="submit" disabled={pending} className={`${primaryButtonClass} min-h-12 w-full text-base`}>
        {pending ? "Working…" : label}
      </button>
    </form>
  );
}
