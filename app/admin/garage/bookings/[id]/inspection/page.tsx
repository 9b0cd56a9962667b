import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { forbidden, notFound } from "next/navigation";
import { InspectionItemCard, InspectionStepForm } from "@/components/garage/inspection-form";
import { BookingStatusBadge } from "@/components/garage/booking-status-badge";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { requirePrincipal } from "@/components/shell/session";
import { linkClass } from "@/components/ui/buttons";
import { inputClass } from "@/components/ui/form";
import { PageHeading } from "@/components/ui/page";
import { NotFoundError } from "@/lib/errors";
import { getBooking } from "@/lib/modules/garage/services/bookings";
import { listServices } from "@/lib/modules/garage/services/catalogue";
import { listInspectionTemplates } from "@/lib/modules/garage/services/inspection-templates";
import { getInspection } from "@/lib/modules/garage/services/inspections";
import type { InspectionView } from "@/lib/modules/garage/views";
import { saveInspectionItemAction, startInspectionAction, submitInspectionAction } from "./actions";

export const metadata: Metadata = { title: "Inspection" };

async function orNull<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** The mechanic's inspection form, made for a phone in the workshop: one card per item, big targets, the camera for photos. */
export default async function InspectionPage({ params }: { params: Promise<{ id: string }> }) {
  const principal = await requirePrincipal();
  if (!principal.scopes.has("WRITE:BOOKING_ANALYSIS")) forbidden();
  const { id } = await params;
  const booking = await orNull(() => getBooking(principal, id));
  if (!booking) notFound();
  const [inspection, templates, services] = await Promise.all([
    orNull<InspectionView>(() => getInspection(principal, booking.id)),
    listInspectionTemplates(principal, { active: "true", limit: 100 }),
    listServices(principal, { limit: 100 }),
  ]);
  const serviceOptions = services.items.map((service) => ({ id: service.id, name: service.name }));
  const locked = inspection?.submittedAt !== null && inspection !== null;
  const unrated = inspection?.items.filter((item) => item.rating === null).length ?? 0;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <LiveRefresh topics={["booking_events"]} />
      <IntentLink href={`/admin/garage/bookings/${booking.id}`} className={`${linkClass} inline-flex min-h-11 items-center text-sm`} data-testid="inspection-booking-link">
        ← The booking
      </IntentLink>
      <PageHeading title={`Inspection · ${booking.carPlate}`}>
        {booking.carDescription} <BookingStatusBadge status={booking.status} />
      </PageHeading>
      {!inspection ? (
        booking.status === "CHECKED_IN" || booking.status === "INSPECTING" ? (
          <InspectionStepForm action={startInspectionAction} bookingId={booking.id} label="Start the inspection">
            <label htmlFor="templateId" className="block text-sm font-medium">
              Checklist
            </label>
            <select id="templateId" name="templateId" className={`${inputClass} min-h-11`}>
              {templates.items.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name} ({template.items.length} items)
                </option>
              ))}
            </select>
          </InspectionStepForm>
        ) : (
          <p className="text-sm text-ink-muted">An inspection starts once the car is checked in.</p>
        )
      ) : (
        <>
          <p className="text-sm text-ink-muted">
            {inspection.templateName} · started by {inspection.mechanicName}
            {locked && " · submitted"}
          </p>
          <div className="space-y-4">
            {inspection.items.map((item) => (
              <InspectionItemCard key={item.id} bookingId={booking.id} item={item} services={serviceOptions} action={saveInspectionItemAction} locked={locked} />
            ))}
          </div>
          {!locked && (
            <div className="sticky bottom-0 border-t border-line bg-surface py-3">
              <InspectionStepForm action={submitInspectionAction} bookingId={booking.id} label={unrated > 0 ? `Submit (${unrated} not rated yet)` : "Submit the inspection"} />
            </div>
          )}
        </>
      )}
    </div>
  );
}
