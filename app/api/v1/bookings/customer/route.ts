import { authenticate } from "@/lib/auth/authenticate";
import { listResponse, route, searchParams } from "@/lib/http/route";
import { listMyBookings } from "@/lib/modules/garage/services/bookings";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const principal = await authenticate(request);
  return listResponse(await listMyBookings(principal, searchParams(request)));
});
