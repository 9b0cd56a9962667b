import { signOut } from "next-auth/react";

/**
 * Ends this browser's session (next-auth clears the cookie, the server revokes the session)
 * and goes to a path of this same site. next-auth would otherwise navigate to its configured
 * public URL, which is not the address this browser used when NEXTAUTH_URL is unset.
 */
export async function signOutTo(path: `/${string}`): Promise<void> {
  await signOut({ redirect: false });
  window.location.assign(path);
}
