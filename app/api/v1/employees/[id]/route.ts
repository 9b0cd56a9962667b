import { userItemRoutes } from "@/lib/http/user-routes";

export const dynamic = "force-dynamic";

export const { GET, PATCH, DELETE } = userItemRoutes("EMPLOYEE");
