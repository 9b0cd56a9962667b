import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, route } from "@/lib/http/route";
import { deleteProgressNote, updateProgressNote } from "@/lib/modules/garage/services/workshop";

export const dynamic = "force-dynamic";

type Params = { id: string; entryId: string };

export const PATCH = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  const { id, entryId } = await params;
  return Response.json(await updateProgressNote(principal, id, entryId, await jsonBody(request, z.unknown())));
});

export const DELETE = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  const { id, entryId } = await params;
  await deleteProgressNote(principal, id, entryId);
  return new Response(null, { status: 204 });
});
