import { authenticate } from "@/lib/auth/authenticate";
import { backupFile } from "@/lib/backups/service";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async (request, { params }) => {
  const { fileName, content } = await backupFile(await authenticate(request), (await params).id);
  return new Response(new Uint8Array(content), {
    headers: {
      "Content-Type": "application/gzip",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Content-Length": String(content.length),
      "Cache-Control": "no-store",
    },
  });
});
