import { authenticate } from "@/lib/auth/authenticate";
import { route } from "@/lib/http/route";
import { deleteAssignment, getAssignment } from "@/lib/modules/garage/services/assignments";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await getAssignment(principal, (await params).id));
});

export const DELETE = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  await deleteAssignment(principal, (await params).id);
  return new Response(null, { status: 204 });
});
