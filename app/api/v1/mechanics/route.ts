import { roleCollectionRoutes } from "@/lib/http/user-routes";

export const dynamic = "force-dynamic";

export const { GET, POST } = roleCollectionRoutes("MECHANIC");
