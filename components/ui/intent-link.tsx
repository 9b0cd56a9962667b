"use client";

import Link from "next/link";
import { useState, type ComponentProps } from "react";

type IntentLinkProps = Omit<ComponentProps<typeof Link>, "prefetch">;

/**
 * A link that prefetches its page once the user shows intent — the pointer over it,
 * a touch, keyboard focus — instead of as soon as it is on screen: prefetching every
 * link on screen at each page load costs a phone a request and a render per link,
 * and the main thread time counts against every page's interactivity. Every link of
 * the app is one (eslint.config.mjs forbids `next/link` elsewhere).
 */
export function IntentLink({ onPointerEnter, onTouchStart, onFocus, ...props }: IntentLinkProps) {
  const [intent, setIntent] = useState(false);
  return (
    <Link
      {...props}
      prefetch={intent ? null : false}
      onPointerEnter={(event) => {
        setIntent(true);
        onPointerEnter?.(event);
      }}
      onTouchStart={(event) => {
        setIntent(true);
        onTouchStart?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
    />
  );
}
