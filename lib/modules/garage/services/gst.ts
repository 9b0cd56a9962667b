import type { Principal } from "../../../auth/principal";
import { db } from "../../../db";
import { NotFoundError } from "../../../errors";
import { transaction } from "../../../events/transaction";
import type { GstRate } from "../../../generated/prisma/client";
import { requireScope } from "../../../rbac/permissions";
import { noParameters, parseInput, parseQuery, pathId, type Page } from "../../../validation";
import { recordGarageEvent } from "../events";
import { gstRateUpdateSchema } from "../schemas";
import type { GstRateView } from "../views";

const GST_NOT_FOUND = "GST rate not found.";
const GST_CODE_PATTERN = /^[A-Z0-9_]{1,32}$/;

export function toGstRateView(row: GstRate): GstRateView {
  return { code: row.code, label: row.label, basisPoints: row.basisPoints, updatedAt: row.updatedAt.toISOString() };
}

export async function listGstRates(principal: Principal, query: unknown = {}): Promise<Page<GstRateView>> {
  await requireScope(principal, "READ:GST");
  parseQuery(noParameters, query);
  const rows = await db.gstRate.findMany({ orderBy: { code: "asc" } });
  return { items: rows.map(toGstRateView), total: rows.length };
}

/** A new rate applies to bookings made after it: booked services keep the rate they were booked at. */
export async function updateGstRate(principal: Principal, code: string, input: unknown): Promise<GstRateView> {
  await requireScope(principal, "UPDATE:GST");
  const gstCode = pathId(code, GST_NOT_FOUND, GST_CODE_PATTERN);
  const changes = parseInput(gstRateUpdateSchema, input);
  return transaction(async (tx) => {
    if (!(await tx.gstRate.findUnique({ where: { code: gstCode }, select: { code: true } }))) throw new NotFoundError(GST_NOT_FOUND);
    const updated = await tx.gstRate.update({ where: { code: gstCode }, data: changes });
    const view = toGstRateView(updated);
    await recordGarageEvent(tx, { topic: "catalogue_events", type: "gst.updated", key: updated.code, payload: view, actor: principal.userId });
    return view;
  });
}
