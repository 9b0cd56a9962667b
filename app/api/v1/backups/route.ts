import { authenticate } from "@/lib/auth/authenticate";
import { createBackup, listBackups } from "@/lib/backups/service";
import { listResponse, route, searchParams } from "@/lib/http/route";
import { noParameters, parseQuery } from "@/lib/validation";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const principal = await authenticate(request);
  parseQuery(noParameters, searchParams(request));
  return listResponse(await listBackups(principal));
});

export const POST = route(async (request) => Response.json(await createBackup(await authenticate(request)), { status: 201 }));
