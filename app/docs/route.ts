import { swaggerPage } from "@/lib/api-docs/pages";

export const dynamic = "force-static";

export function GET(): Response {
  return swaggerPage();
}
