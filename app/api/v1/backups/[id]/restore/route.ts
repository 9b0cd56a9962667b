import { authenticate } from "@/lib/auth/authenticate";
import { restoreBackup } from "@/lib/backups/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route<{ id: string }>(async (request, { params }) => Response.json(await restoreBackup(await authenticate(request), (await params).id)));
