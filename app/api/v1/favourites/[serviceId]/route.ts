import { authenticate } from "@/lib/auth/authenticate";
import { route } from "@/lib/http/route";
import { removeFavourite } from "@/lib/modules/garage/services/favourites";

export const dynamic = "force-dynamic";

type Params = { serviceId: string };

export const DELETE = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  await removeFavourite(principal, (await params).serviceId);
  return new Response(null, { status: 204 });
});
