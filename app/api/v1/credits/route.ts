import { authenticate } from "@/lib/auth/authenticate";
import { route, searchParams } from "@/lib/http/route";
import { getCredits } from "@/lib/modules/parking/services/credits";

export const dynamic = "force-dynamic";

/** `{balance, escrow, transactions, nextBefore}`; `?limit=&before=` pages the ledger. */
export const GET = route(async (request) => Response.json(await getCredits(await authenticate(request), searchParams(request))));
