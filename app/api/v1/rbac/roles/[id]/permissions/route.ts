import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { jsonBody, route } from "@/lib/http/route";
import { getRolePermissions, setRolePermissions } from "@/lib/rbac/roles-admin";
import { parseInput } from "@/lib/validation";

export const dynamic = "force-dynamic";

const roleIdSchema = z.string().regex(/^[1-9][0-9]{0,8}$/, "must be a role id").transform(Number);
type Params = { id: string };

export const GET = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  return Response.json(await getRolePermissions(principal, parseInput(roleIdSchema, (await params).id, "path")));
});

export const PUT = route<Params>(async (request, { params }) => {
  const principal = await authenticate(request);
  const roleId = parseInput(roleIdSchema, (await params).id, "path");
  return Response.json(await setRolePermissions(principal, roleId, await jsonBody(request, z.unknown())));
});
