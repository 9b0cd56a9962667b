import { ForbiddenError, HttpError } from "../errors";
import type { Principal } from "../auth/principal";
import { fieldError } from "../validation";

/** Room for the multipart framing (boundaries, part headers) beside the file itself. */
const FRAMING_BYTES = 64 * 1024;

/**
 * Reads a `multipart/form-data` body holding one file, refusing (413) a body larger than
 * `maxFileBytes` plus framing before reading it (by Content-Length) or, for a body without
 * one, as soon as the stream passes the limit: nothing is buffered past it. Only the routes
 * that take an upload call this; every other endpoint refuses multipart bodies (`jsonBody`: 415).
 *
 * A browser session is accepted only from this app's own pages: a multipart form is what a
 * page on another site can send without asking, so the request must say where it comes from.
 */
export async function multipartFile(
  request: Request,
  principal: Principal,
  field: string,
  maxFileBytes: number,
  tooLarge: string,
): Promise<{ bytes: Uint8Array; name: string; declaredType: string }> {
  if (principal.via === "session") {
    const site = request.headers.get("sec-fetch-site");
    if (site !== "same-origin" && request.headers.get("origin") === null) throw new ForbiddenError("Cross-site request refused.");
  }
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) throw new HttpError(415, "Content-Type must be multipart/form-data.");
  const limit = maxFileBytes + FRAMING_BYTES;
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw new HttpError(413, tooLarge);
  if (!request.body) throw fieldError(["body", field], "attach a file");
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new HttpError(413, tooLarge);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw fieldError(["body"], "must be a multipart/form-data body");
  }
  const files = form.getAll(field);
  const file = files[0];
  if (files.length !== 1 || !(file instanceof File)) throw fieldError(["body", field], "attach exactly one file");
  if (file.size > maxFileBytes) throw new HttpError(413, tooLarge);
  return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name, declaredType: file.type };
}
