import { authenticate } from "@/lib/auth/authenticate";
import { route, searchParams } from "@/lib/http/route";
import { deleteInspectionPhoto, getInspectionPhoto } from "@/lib/modules/garage/services/inspections";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** The image itself: the booking's customer and staff only (anyone else 404), never cached by shared caches. */
export const GET = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  const photo = await getInspectionPhoto(principal, (await params).id, searchParams(request));
  return new Response(photo.bytes, {
    headers: {
      "Content-Type": photo.contentType,
      "Content-Length": String(photo.bytes.byteLength),
      "Cache-Control": "private, max-age=3600",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
    },
  });
});

export const DELETE = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  await deleteInspectionPhoto(principal, (await params).id);
  return new Response(null, { status: 204 });
});
