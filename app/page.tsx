import { HomeContent } from "@/app/_home/home-content";

/** Prerendered: signed-out visitors all get the same page (proxy.ts sends signed-in browsers to /welcome-back). */
export const dynamic = "force-static";

export default function HomePage() {
  return <HomeContent signedIn={false} />;
}
