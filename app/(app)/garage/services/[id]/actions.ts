"use server";

import { REVIEW_FIELDS } from "@/lib/modules/garage/schemas";
import { createReview, deleteReview, updateReview } from "@/lib/modules/garage/services/reviews";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

const rating = (form: unknown) => {
  const text = formText(form, "rating");
  return /^[0-9]$/.test(text) ? Number(text) : Number.NaN;
};

/** The booking's customer reviews a delivered booked service: same rules as POST /api/v1/reviews. */
export const writeReviewAction = formAction({
  fields: REVIEW_FIELDS,
  read: (form) => ({ bookedServiceId: formText(form, "bookedServiceId"), rating: rating(form), text: formText(form, "text") }),
  values: ({ text }) => ({ text }),
  run: (principal, input: { bookedServiceId: string; rating: number; text: string }) => createReview(principal, input),
  done: () => "Thank you: your review is published.",
});

/** The author changes their review; an admin moderates its text (PATCH /api/v1/reviews/{id}). */
export const changeReviewAction = formAction({
  fields: REVIEW_FIELDS,
  read: (form) => ({ id: formText(form, "id"), rating: formText(form, "rating") ? rating(form) : undefined, text: formText(form, "text") }),
  values: ({ text }) => ({ text }),
  run: (principal, { id, ...changes }: { id: string; rating: number | undefined; text: string }) =>
    updateReview(principal, id, { text: changes.text, ...(changes.rating === undefined ? {} : { rating: changes.rating }) }),
  done: () => "Review saved.",
});

/** The author deletes their review; an admin any (DELETE /api/v1/reviews/{id}). */
export const deleteReviewAction = formAction({
  read: (form) => ({ id: formText(form, "id") }),
  run: (principal, { id }: { id: string }) => deleteReview(principal, id),
  done: () => "Review deleted.",
});
