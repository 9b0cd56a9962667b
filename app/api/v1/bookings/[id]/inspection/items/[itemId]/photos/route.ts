import { authenticate } from "@/lib/auth/authenticate";
import { multipartFile } from "@/lib/http/multipart";
import { route } from "@/lib/http/route";
import { addInspectionPhoto, INSPECTION_MESSAGES, MAX_PHOTO_BYTES } from "@/lib/modules/garage/services/inspections";

export const dynamic = "force-dynamic";

type Params = { id: string; itemId: string };

/** The one multipart endpoint of the API: a photo in the form field `photo`. */
export const POST = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  const { id, itemId } = await params;
  const tooLarge = INSPECTION_MESSAGES.tooLarge(MAX_PHOTO_BYTES / 1024 / 1024);
  const photo = await addInspectionPhoto(principal, id, itemId, async () => (await multipartFile(request, principal, "photo", MAX_PHOTO_BYTES, tooLarge)).bytes);
  return Response.json(photo, { status: 201 });
});
