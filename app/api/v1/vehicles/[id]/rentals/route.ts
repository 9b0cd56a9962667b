import { authenticate } from "@/lib/auth/authenticate";
import { route } from "@/lib/http/route";
import { queryOf } from "@/lib/rentals/common";
import { listVehicleRentals } from "@/lib/rentals/rentals";

export const dynamic = "force-dynamic";

/** The vehicle's rental history (staff), each rental with its status history. */
export const GET = route<{ id: string }>(async (request, { params }) => {
  const principal = await authenticate(request);
  const { items, total } = await listVehicleRentals(principal, (await params).id, queryOf(request));
  return Response.json(items, { headers: { "X-Total-Count": String(total) } });
});
