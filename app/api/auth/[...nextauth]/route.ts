import { nextAuthResponse } from "@/lib/auth/next-auth-route";
import { observed } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type NextAuthRouteContext = { params: Promise<{ nextauth: string[] }> };

// Observed (request id, access log, metrics) but not route(): next-auth answers its own errors.
const handler = observed(async (request: Request, context: NextAuthRouteContext) =>
  nextAuthResponse(request, (await context.params).nextauth),
);

export { handler as GET, handler as POST };
