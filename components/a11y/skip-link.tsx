"use client";

import type { MouseEvent } from "react";

/** Where the skip link goes: each layout's `<main>` carries this id. */
export const MAIN_CONTENT_ID = "main";

/**
 * "Skip to content": the first thing Tab reaches on every page, hidden until focused. It moves focus itself,
 * not just the scroll position, so the next Tab continues inside the content. Without JavaScript the plain
 * fragment link still scrolls there.
 */
export function SkipLink() {
  function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
    const main = document.getElementById(MAIN_CONTENT_ID);
    if (!main) return;
    event.preventDefault();
    if (!main.hasAttribute("tabindex")) main.setAttribute("tabindex", "-1");
    main.focus();
    main.scrollIntoView({ block: "start" });
  }

  return (
    <a
      href={`#${MAIN_CONTENT_ID}`}
      onClick={skipToMain}
      className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-[100] focus:rounded-lg focus:bg-brand focus:px-4 focus:py-3 focus:font-medium focus:text-brand-ink focus:shadow-lg"
    >
      Skip to content
    </a>
  );
}
