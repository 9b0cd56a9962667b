"use server";

import { addFavourite, removeFavourite } from "@/lib/modules/garage/services/favourites";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

/** Stars or unstars a service (form fields `serviceId`, `starred` = "true" to star). */
export const toggleFavouriteAction = formAction({
  read: (form) => ({ serviceId: formText(form, "serviceId"), star: formText(form, "starred") === "true" }),
  run: async (principal, { serviceId, star }) => {
    if (star) await addFavourite(principal, { serviceId });
    else await removeFavourite(principal, serviceId);
    return star;
  },
  done: (starred) => (starred ? "Added to your favourites." : "Removed from your favourites."),
});
