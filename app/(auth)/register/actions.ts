"use server";

import { headers } from "next/headers";
import { clientAddress } from "@/lib/auth/client-address";
import { REGISTER_FIELDS } from "@/lib/identity/forms";
import { registerCustomer } from "@/lib/identity/users";
import { formText } from "@/lib/ui/form-state";
import { formAction } from "@/lib/ui/server-action";

/** Creates the customer account; the form then signs in with the same credentials. */
export const registerAction = formAction({
  fields: REGISTER_FIELDS,
  read: (form) => ({
    name: formText(form, "name"),
    phone: formText(form, "phone"),
    email: formText(form, "email"),
    password: formText(form, "password"),
  }),
  values: ({ name, phone, email }) => ({ name, phone, email }),
  runForAnyone: async (input) => registerCustomer(input, clientAddress(await headers())),
  done: (user) => `Welcome, ${user.name}! Signing you in…`,
  refreshes: "nothing",
});
