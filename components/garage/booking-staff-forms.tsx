"use client";

import { useActionState } from "react";
import { selectClass, smallButtonClass, smallStrongButtonClass } from "@/components/ui/buttons";
import { errorTextClass, inputClass } from "@/components/ui/form";
import { IDLE_FORM, type FormState } from "@/lib/ui/form-state";

type StaffAction<Field extends string> = (previous: FormState<Field>, formData: FormData) => Promise<FormState<Field>>;

function Hidden({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

function Outcome<Field extends string>({ state, fields }: { state: FormState<Field>; fields: readonly Field[] }) {
  const errors = fields.map((field) => state.fieldErrors?.[field]).filter(Boolean);
  const text = state.status === "error" ? [state.message, ...errors].filter(Boolean).join(" ") : state.message;
  return (
    <p aria-live="polite" className={`text-xs ${state.status === "error" ? errorTextClass : "text-ink-muted"}`}>
      {text}
    </p>
  );
}

/** A note for the timeline, or an admin's correction of one (`initial` set). */
export function NoteForm({ action, hidden, label, initial, submitLabel }: { action: StaffAction<"note">; hidden: Record<string, string>; label: string; initial?: string; submitLabel: string }) {
  const [state, formAction, pending] = useActionState<FormState<"note">, FormData>(action, IDLE_FORM);
  return (
    <form action={formAction} className="space-y-2" aria-label={label}>
      <Hidden fields={hidden} />
      <label className="block text-xs font-medium">
        Note
        <textarea
          name="note"
          required
          maxLength={2000}
          rows={2}
          defaultValue={state.status === "error" ? (state.values?.note ?? initial) : initial}
          aria-invalid={state.fieldErrors?.note ? true : undefined}
          className={`${inputClass} mt-1 text-sm`}
        />
      </label>
      <button type="submit" disabled={pending} className={smallStrongButtonClass}>
        {pending ? "Saving…" : submitLabel}
      </button>
      <Outcome state={state} fields={["note"]} />
    </form>
  );
}

type RecommendField = "serviceId" | "severity" | "reason" | "priceMinor" | "adjustmentReason";

/** Staff recommend a service: the chart's price for the car unless another is typed, with its reason. */
export function RecommendForm({
  action,
  bookingId,
  currency,
  services,
}: {
  action: StaffAction<RecommendField>;
  bookingId: string;
  currency: string;
  services: ReadonlyArray<{ id: string; name: string }>;
}) {
  const [state, formAction, pending] = useActionState<FormState<RecommendField>, FormData>(action, IDLE_FORM);
  const invalid = (field: RecommendField) => (state.fieldErrors?.[field] ? true : undefined);
  return (
    <form action={formAction} className="grid gap-2 sm:grid-cols-2" aria-label="Recommend work">
      <Hidden fields={{ id: bookingId, currency }} />
      <label className="text-xs font-medium">
        Service
        <select name="serviceId" required className={`${selectClass} mt-1 w-full text-sm`} aria-invalid={invalid("serviceId")}>
          {services.map((service) => (
            <option key={service.id} value={service.id}>
              {service.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium">
        Severity
        <select name="severity" defaultValue="ATTENTION" className={`${selectClass} mt-1 w-full text-sm`}>
          <option value="ATTENTION">Needs attention</option>
          <option value="CRITICAL">Critical</option>
        </select>
      </label>
      <label className="text-xs font-medium sm:col-span-2">
        Why (the customer reads this)
        <input name="reason" maxLength={2000} defaultValue={state.values?.reason} className={`${inputClass} mt-1 text-sm`} aria-invalid={invalid("reason")} />
      </label>
      <label className="text-xs font-medium">
        Price ({currency}, blank: the price chart&apos;s)
        <input name="price" inputMode="decimal" className={`${inputClass} mt-1 text-sm`} aria-invalid={invalid("priceMinor")} />
      </label>
      <label className="text-xs font-medium">
        Reason for another price
        <input name="adjustmentReason" maxLength={500} defaultValue={state.values?.adjustmentReason} className={`${inputClass} mt-1 text-sm`} aria-invalid={invalid("adjustmentReason")} />
      </label>
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending || services.length === 0} className={smallStrongButtonClass}>
          {pending ? "Recommending…" : "Recommend"}
        </button>
        <Outcome state={state} fields={["serviceId", "severity", "reason", "priceMinor", "adjustmentReason"]} />
      </div>
    </form>
  );
}

type PriceField = "priceMinor" | "adjustmentReason";

/** A new price with its reason: a pending item's adjustment, or approved work's revision (`label` says which). */
export function PriceChangeForm({
  action,
  recommendationId,
  currency,
  label,
  submitLabel,
}: {
  action: StaffAction<PriceField>;
  recommendationId: string;
  currency: string;
  label: string;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState<FormState<PriceField>, FormData>(action, IDLE_FORM);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" aria-label={label}>
      <Hidden fields={{ recommendationId, currency }} />
      <label className="text-xs font-medium">
        New price ({currency})
        <input name="price" inputMode="decimal" required className={`${inputClass} mt-1 w-28 text-sm`} aria-invalid={state.fieldErrors?.priceMinor ? true : undefined} />
      </label>
      <label className="min-w-0 flex-1 basis-40 text-xs font-medium">
        Reason
        <input name="adjustmentReason" maxLength={500} className={`${inputClass} mt-1 text-sm`} aria-invalid={state.fieldErrors?.adjustmentReason ? true : undefined} />
      </label>
      <button type="submit" disabled={pending} className={smallButtonClass}>
        {pending ? "Saving…" : submitLabel}
      </button>
      <div className="basis-full">
        <Outcome state={state} fields={["priceMinor", "adjustmentReason"]} />
      </div>
    </form>
  );
}

/** What the customer said on the phone about one item: approve or decline at the version shown, with an optional note. */
export function PhoneDecisionForm({
  action,
  bookingId,
  recommendationId,
  version,
  serviceName,
}: {
  action: StaffAction<"note">;
  bookingId: string;
  recommendationId: string;
  version: number;
  serviceName: string;
}) {
  const [state, formAction, pending] = useActionState<FormState<"note">, FormData>(action, IDLE_FORM);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" aria-label={`The customer's decision on ${serviceName}, by phone`}>
      <Hidden fields={{ id: bookingId, recommendationId, version: String(version) }} />
      <label className="min-w-0 flex-1 basis-40 text-xs font-medium">
        Note (who you spoke to)
        <input name="note" maxLength={1000} className={`${inputClass} mt-1 text-sm`} />
      </label>
      <button type="submit" name="decision" value="APPROVED" disabled={pending} className={smallStrongButtonClass} aria-label={`Approved by phone: ${serviceName}`}>
        Approved by phone
      </button>
      <button type="submit" name="decision" value="DECLINED" disabled={pending} className={smallButtonClass} aria-label={`Declined by phone: ${serviceName}`}>
        Declined by phone
      </button>
      <div className="basis-full">
        <Outcome state={state} fields={["note"]} />
      </div>
    </form>
  );
}
