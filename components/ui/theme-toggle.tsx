"use client";

import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};

/** Runs `change` with every transition off until the next frames are drawn, so nothing fades between themes. */
function withoutTransitions(change: () => void) {
  const style = document.createElement("style");
  style.textContent = "*,*::before,*::after{transition:none!important}";
  document.head.appendChild(style);
  change();
  requestAnimationFrame(() => requestAnimationFrame(() => style.remove()));
}

/** Switches between light and dark; renders a neutral placeholder until hydrated. */
export function ThemeToggle() {
  const { resolvedTheme, setTheme } = useTheme();
  const hydrated = useSyncExternalStore(subscribeNever, () => true, () => false);
  const isDark = hydrated && resolvedTheme === "dark";
  const label = isDark ? "Switch to light theme" : "Switch to dark theme";

  return (
    <button
      type="button"
      onClick={() => withoutTransitions(() => setTheme(isDark ? "light" : "dark"))}
      aria-label={label}
      title={label}
      disabled={!hydrated}
      data-testid="theme-toggle"
      className="inline-flex h-11 w-11 items-center md:h-9 md:w-9 justify-center rounded-full border border-line bg-surface-raised text-ink-muted transition hover:text-ink focus-visible:outline-2 focus-visible:outline-brand disabled:opacity-50"
    >
      <span aria-hidden="true">{isDark ? "☀" : "☾"}</span>
    </button>
  );
}
