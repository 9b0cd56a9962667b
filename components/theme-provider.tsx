"use client";

import { ThemeProvider as NextThemesProvider } from "next-themes";
import type { ReactNode } from "react";

export function ThemeProvider({ children }: { children: ReactNode }) {
  return (
    // Not disableTransitionOnChange: next-themes applies it on every page load too, where its style sheet for `*`
    // costs two style recalculations of the whole page; ThemeToggle suspends transitions for a reader's switch only.
    <NextThemesProvider attribute="class" defaultTheme="system" enableSystem>
      {children}
    </NextThemesProvider>
  );
}
