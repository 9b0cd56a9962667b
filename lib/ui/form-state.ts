import { HttpError, ValidationError } from "../errors";

/** What a server action hands back to the form that called it. */
export interface FormState<Field extends string = string> {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: Partial<Record<Field, string>>;
  /** The submitted values, to refill the form after an error (never passwords). */
  values?: Partial<Record<Field, string>>;
}

export const IDLE_FORM: FormState<never> = { status: "idle" };

/**
 * A text field of a submitted form; absent or file fields read as "". Server actions
 * are public endpoints that anyone can call with any arguments: when the "form" is
 * not a FormData at all, every field reads as "" and the service answers with its
 * usual field errors instead of the action throwing.
 */
export function formText(formData: unknown, name: string): string {
  const value = formData instanceof FormData ? formData.get(name) : null;
  return typeof value === "string" ? value : "";
}

/** A checkbox of a submitted form: ticked when its value is "on" (false for anything that is not a FormData). */
export function formFlag(formData: unknown, name: string): boolean {
  return formText(formData, name) === "on";
}

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * The form's view of a service error: 422 field errors next to their fields,
 * any other HttpError (401/403/404/409/429) as one message. Anything else is a
 * bug and is rethrown for the error boundary.
 */
export function formFailure<Field extends string>(
  error: unknown,
  fields: readonly Field[],
  values?: Partial<Record<Field, string>>,
): FormState<Field> {
  if (error instanceof ValidationError) {
    const fieldErrors: Partial<Record<Field, string>> = {};
    const otherMessages: string[] = [];
    for (const { loc, msg } of error.fields) {
      const field = fields.find((name) => name === loc[1]);
      if (field && loc.length === 2) fieldErrors[field] ??= sentence(msg);
      else otherMessages.push(sentence(msg));
    }
    const message = otherMessages.length > 0 ? otherMessages.join(" ") : "Please correct the highlighted fields.";
    return { status: "error", message, fieldErrors, values };
  }
  if (error instanceof HttpError) {
    const message = typeof error.detail === "string" ? error.detail : error.message;
    return { status: "error", message, values };
  }
  throw error;
}
