"use client";

import { useEffect } from "react";
import { cachePageInServiceWorker, claimPageCache } from "./sw-protocol";

/**
 * Mounted by signed-in pages: when the pages saved for offline use belong to
 * another user (one who did not sign out on this device), they are dropped
 * before this user's pages are saved.
 */
export function PageCacheOwner({ owner }: { owner: string }) {
  useEffect(() => {
    void claimPageCache(owner).then((dropped) => {
      if (dropped) cachePageInServiceWorker(`${window.location.pathname}${window.location.search}`);
    });
  }, [owner]);
  return null;
}
