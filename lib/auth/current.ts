import { cookies, headers } from "next/headers";
import { sessionPrincipal } from "./authenticate";
import { clientAddress } from "./client-address";
import type { Principal } from "./principal";

/**
 * The signed-in principal for server components and server actions (browser
 * session cookie), or null. Same type and scopes as a bearer request.
 */
export async function currentPrincipal(): Promise<Principal | null> {
  const cookieStore = await cookies();
  const cookieHeader = cookieStore
    .getAll()
    .map((cookie) => `${cookie.name}=${encodeURIComponent(cookie.value)}`)
    .join("; ");
  return sessionPrincipal(cookieHeader || null, clientAddress(await headers()));
}
