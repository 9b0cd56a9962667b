import { authenticateIfPresented } from "@/lib/auth/authenticate";
import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, route } from "@/lib/http/route";
import { getContentPage, updateContentPage } from "@/lib/modules/garage/services/content";

export const dynamic = "force-dynamic";

type Params = { slug: string };

export const GET = route<Params>(async (request, { params }) => {
  const principal = await authenticateIfPresented(request);
  return Response.json(await getContentPage(principal, (await params).slug));
});

export const PATCH = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await updateContentPage(principal, (await params).slug, await jsonBody(request, z.unknown())));
});
