import { authenticate } from "@/lib/auth/authenticate";
import { route } from "@/lib/http/route";
import { cancelReservation } from "@/lib/modules/parking/services/reservations";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (request, { params }) =>
  Response.json(await cancelReservation(await authenticate(request), (await params).id)),
);
