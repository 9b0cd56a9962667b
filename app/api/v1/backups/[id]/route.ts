import { authenticate } from "@/lib/auth/authenticate";
import { deleteBackup, getBackup } from "@/lib/backups/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async (request, { params }) => Response.json(await getBackup(await authenticate(request), (await params).id)));

export const DELETE = route<{ id: string }>(async (request, { params }) => {
  await deleteBackup(await authenticate(request), (await params).id);
  return new Response(null, { status: 204 });
});
