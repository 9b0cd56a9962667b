import { authenticate } from "@/lib/auth/authenticate";
import { route } from "@/lib/http/route";
import { getReservation } from "@/lib/modules/parking/services/reservations";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async (request, { params }) =>
  Response.json(await getReservation(await authenticate(request), (await params).id)),
);
