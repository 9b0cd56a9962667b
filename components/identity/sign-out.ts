import { clearPageCache } from "@/components/pwa/sw-protocol";

/**
 * Ends this browser's session (next-auth clears the cookie, the server revokes the session)
 * and goes to a path of this same site. next-auth would otherwise navigate to its configured
 * public URL, which is not the address this browser used when NEXTAUTH_URL is unset.
 * The pages saved for offline use go with the session: the next person on this device gets none of them.
 * next-auth's client is loaded on the click: every signed-in page has this button, and few pages are left by it.
 */
export async function signOutTo(path: `/${string}`): Promise<void> {
  const { signOut } = await import("next-auth/react");
  await signOut({ redirect: false });
  await clearPageCache().catch(() => undefined);
  window.location.assign(path);
}
