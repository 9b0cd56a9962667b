import type { ReactNode } from "react";

export const inputClass =
  "mt-1 block w-full rounded-lg border border-line bg-surface px-3 py-2 text-ink placeholder:text-ink-muted focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/30 aria-[invalid=true]:border-red-600 max-md:min-h-11 dark:aria-[invalid=true]:border-red-400";

export const primaryButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-full bg-brand px-5 py-2.5 text-sm font-medium text-brand-ink transition hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand disabled:cursor-wait disabled:opacity-60";

export const errorTextClass = "text-red-700 dark:text-red-400";

interface TextFieldProps {
  /** Unique on the page: the input's id is `${formId}-${name}`. */
  formId: string;
  name: string;
  label: string;
  type?: "text" | "email" | "tel" | "password" | "datetime-local";
  defaultValue?: string;
  error?: string;
  hint?: string;
  autoComplete?: string;
  /** The phone keyboard: digits for counts, a decimal point for amounts. */
  inputMode?: "numeric" | "decimal";
  /** `none` for usernames, codes and addresses; `characters` for plates and VINs. */
  autoCapitalize?: "none" | "characters" | "words";
  required?: boolean;
  min?: string;
  step?: number;
  /** Only from client components. */
  onChange?: (value: string) => void;
}

/** A labelled input whose error is announced and tied to it (aria-invalid, aria-describedby). */
export function TextField({
  formId,
  name,
  label,
  type = "text",
  defaultValue,
  error,
  hint,
  autoComplete,
  inputMode,
  autoCapitalize,
  required,
  min,
  step,
  onChange,
}: TextFieldProps) {
  const id = `${formId}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        min={min}
        step={step}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        inputMode={inputMode}
        autoCapitalize={autoCapitalize ?? (type === "email" ? "none" : undefined)}
        spellCheck={type === "email" || autoCapitalize === "none" || autoCapitalize === "characters" ? false : undefined}
        required={required}
        onChange={onChange ? (event) => onChange(event.currentTarget.value) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass}
      />
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-ink-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className={`mt-1 text-sm ${errorTextClass}`}>
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The form's overall outcome, in a live region that is always present so that
 * screen readers announce each new message.
 */
export function FormMessage({ status, message }: { status: "idle" | "success" | "error"; message?: string }) {
  return (
    <div aria-live="polite" aria-atomic="true">
      {message && status === "error" && (
        <p className={`rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm ${errorTextClass} dark:border-red-900 dark:bg-red-950/40`}>
          {message}
        </p>
      )}
      {message && status === "success" && (
        <p className="rounded-lg border border-brand/40 bg-brand-soft px-3 py-2 text-sm text-ink">
          {message}
        </p>
      )}
    </div>
  );
}

export function Card({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <section className={`rounded-card border border-line bg-surface-raised p-6 shadow-sm ${className}`}>{children}</section>;
}
