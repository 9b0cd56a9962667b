import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { CAPTURE_INSTALL_PROMPT_SCRIPT } from "@/components/pwa/install-capture";
import { PwaRegion } from "@/components/pwa/pwa-region";
import { SkipLink } from "@/components/a11y/skip-link";
import { SiteFooter } from "@/components/shell/site-footer";
import { ThemeProvider } from "@/components/theme-provider";
import { geistMono, geistSans, geistSansBeyondLatin } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Wheelhouse", template: "%s · Wheelhouse" },
  description:
    "Share and reserve parking spots for credits, rent vehicles across branches, and book garage services — one account, live updates.",
  applicationName: "Wheelhouse",
  // The manifest link comes from app/manifest.ts, the icons from app/icon.png, app/apple-icon.png and app/favicon.ico.
  appleWebApp: { capable: true, title: "Wheelhouse", statusBarStyle: "default" },
};

export const viewport: Viewport = {
  // Light matches app/manifest.ts's theme and background colour; dark is the dark theme's surface.
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f8fafc" },
    { media: "(prefers-color-scheme: dark)", color: "#0b1120" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={`${geistSans.variable} ${geistSansBeyondLatin.variable} ${geistMono.variable}`} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: CAPTURE_INSTALL_PROMPT_SCRIPT }} />
      </head>
      <body className="min-h-dvh bg-surface font-sans text-ink antialiased">
        <SkipLink />
        <ThemeProvider>
          {children}
          <SiteFooter />
          <PwaRegion />
        </ThemeProvider>
      </body>
    </html>
  );
}
