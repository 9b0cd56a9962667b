"use server";

import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { registerCustomer } from "@/lib/identity/users";
import { formFailure, formText, type FormState } from "@/lib/ui/form-state";

const REGISTER_FIELDS = ["name", "phone", "email", "password"] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

/** Creates the customer account; the form then signs in with the same credentials. */
export async function registerAction(_previous: FormState<RegisterField>, formData: FormData): Promise<FormState<RegisterField>> {
  const input = {
    name: formText(formData, "name"),
    phone: formText(formData, "phone"),
    email: formText(formData, "email"),
    password: formText(formData, "password"),
  };
  try {
    const user = await registerCustomer(input, clientAddress(await headers()));
    return { status: "success", message: `Welcome, ${user.name}! Signing you in…` };
  } catch (error) {
    return formFailure(error, REGISTER_FIELDS, { name: input.name, phone: input.phone, email: input.email });
  }
}
