import { redocPage } from "@/lib/api-docs/pages";

export const dynamic = "force-static";

export function GET(): Response {
  return redocPage();
}
