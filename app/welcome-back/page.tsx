import type { Metadata } from "next";
import { HomeContent } from "@/app/_home/home-content";
import { getPrincipal } from "@/components/shell/session";

/** The home page for a browser that sends a session cookie (proxy.ts rewrites `/` here); an ended session sees it signed out. */
export const metadata: Metadata = { alternates: { canonical: "/" }, robots: { index: false } };

export default async function WelcomeBackPage() {
  return <HomeContent signedIn={(await getPrincipal()) !== null} />;
}
