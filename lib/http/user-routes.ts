import { authenticate } from "../auth/authenticate";
import { clientAddress } from "../auth/client-address";
import { createUser, deleteUser, getUser, listUsers, registerCustomer, updateUser } from "../identity/users";
import type { RoleName } from "../identity/roles";
import { jsonBody, listResponse, route, searchParams } from "./route";
import { z } from "zod";

const anything = z.unknown();

/** `/customers/`, `/mechanics/`, `/employees/`, `/admins/`: one role's accounts. */
export function roleCollectionRoutes(role: RoleName) {
  return {
    GET: route(async (request) => {
      const principal = await authenticate(request);
      return listResponse(await listUsers(principal, role, searchParams(request)));
    }),
    POST: route(async (request) => {
      const body = await jsonBody(request, anything);
      // Customers register themselves (signed in or not, the result is the same customer);
      // every other role is created by someone holding WRITE:<ROLE RESOURCE>.
      if (role === "CUSTOMER") return Response.json(await registerCustomer(body, clientAddress(request.headers)), { status: 201 });
      const principal = await authenticate(request);
      return Response.json(await createUser(principal, role, body), { status: 201 });
    }),
  };
}

type IdParams = { id: string };

/** `/{role collection}/{id}` and, with no role, `/users/{id}`. */
export function userItemRoutes(role?: RoleName) {
  return {
    GET: route<IdParams>(async (request, { params }) => {
      const principal = await authenticate(request);
      return Response.json(await getUser(principal, (await params).id, role));
    }),
    PATCH: route<IdParams>(async (request, { params }) => {
      const principal = await authenticate(request);
      const body = await jsonBody(request, anything);
      return Response.json(await updateUser(principal, (await params).id, body, role));
    }),
    DELETE: route<IdParams>(async (request, { params }) => {
      const principal = await authenticate(request);
      await deleteUser(principal, (await params).id, role);
      return new Response(null, { status: 204 });
    }),
  };
}
