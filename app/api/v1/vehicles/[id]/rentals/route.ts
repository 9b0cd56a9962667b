import { authenticate } from "@/lib/auth/authenticate";
import { listResponse, route, searchParams } from "@/lib/http/route";
import { listVehicleRentals } from "@/lib/modules/rentals/services/rentals";

export const dynamic = "force-dynamic";

/** The vehicle's rental history (staff), each rental with its status history. */
export const GET = route<{ id: string }>(async (request, { params }) => {
  const principal = await authenticate(request);
  return listResponse(await listVehicleRentals(principal, (await params).id, searchParams(request)));
});
