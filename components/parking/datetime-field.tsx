"use client";

import { TextField } from "@/components/ui/form";

interface DateTimeFieldProps {
  /** Unique on the page: the input's id is `${formId}-${name}`. */
  formId: string;
  name: string;
  label: string;
  defaultValue?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  min?: string;
  onChange?: (value: string) => void;
}

/**
 * A labelled `datetime-local` input (the browser's local time); its form turns the
 * value into an instant with the offset before submitting. Errors are tied to it.
 */
export function DateTimeField(props: DateTimeFieldProps) {
  return <TextField {...props} type="datetime-local" step={60} />;
}
