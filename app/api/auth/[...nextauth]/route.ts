import { nextAuthResponse } from "@/lib/auth/next-auth-route";

export const dynamic = "force-dynamic";

type NextAuthRouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: NextAuthRouteContext) {
  return nextAuthResponse(request, (await context.params).nextauth);
}

export { handler as GET, handler as POST };
