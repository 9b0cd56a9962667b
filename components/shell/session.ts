import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { currentPrincipal } from "@/lib/auth/current";
import type { Principal } from "@/lib/auth/principal";
import { readLiveCursor } from "@/lib/realtime/live-cursor";
import { loginPath } from "@/lib/ui/safe-callback";
import { REQUEST_PATH_HEADER } from "@/lib/ui/request-path";

/** The signed-in principal, resolved once per request however many components ask. */
export const getPrincipal = cache(currentPrincipal);

/** Where the live stream stood when this request started rendering (see lib/realtime/live-cursor.ts). */
export const getLiveCursor = cache(readLiveCursor);

/**
 * The signed-in principal, or a redirect to sign in and come back here.
 * Every signed-in page calls it (layouts are not re-rendered on client navigation).
 * The live cursor is read here, before any page reads its data, so the page shows
 * at least everything up to it.
 */
export async function requirePrincipal(): Promise<Principal> {
  const principal = await getPrincipal();
  if (principal) {
    await getLiveCursor(principal.userId);
    return principal;
  }
  const requestedPath = (await headers()).get(REQUEST_PATH_HEADER) ?? "/dashboard";
  redirect(loginPath(requestedPath));
}
