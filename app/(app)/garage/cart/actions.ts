"use server";

import { addCartLine, clearCart, removeCartLine, repriceCart } from "@/lib/modules/garage/services/cart";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

/** Adds a service for one of the customer's cars (form fields `serviceId`, `carId`): POST /api/v1/cart. */
export const addToCartAction = formAction({
  fields: ["serviceId", "carId"] as const,
  read: (form) => ({ serviceId: formText(form, "serviceId"), carId: formText(form, "carId") }),
  run: addCartLine,
  done: (line) => `${line.service.name} for ${line.car.plate} is in your cart.`,
});

export const removeCartLineAction = formAction({
  read: (form) => formText(form, "id"),
  run: removeCartLine,
  done: () => "Removed from the cart.",
});

export const clearCartAction = formAction({
  read: () => ({}),
  run: clearCart,
  done: () => "Cart emptied.",
});

/** The customer accepts today's prices for every line. */
export const repriceCartAction = formAction({
  read: () => ({}),
  run: repriceCart,
  done: () => "The cart now shows today's prices.",
});
