import type { Principal } from "../../auth/principal";
import type { PrismaClient } from "../../db";
import { DEMO_ACCOUNTS } from "../../platform/demo-accounts";
import { issueInvoiceFor } from "./services/invoices";

const DEMO_REVIEW_TEXTS = ["Quick, tidy and explained everything they did.", "Fair price and the car was ready when promised."] as const;

/**
 * Demo reviews, an invoice and a partial payment for the demo customers' delivered bookings,
 * idempotent: a booking that has an invoice, or a line that has a review, is left alone.
 */
export async function seedLedgerDemo(database: PrismaClient): Promise<Record<string, number>> {
  const customerEmails = DEMO_ACCOUNTS.filter((account) => account.role === "CUSTOMER").map((account) => account.email);
  const adminEmail = DEMO_ACCOUNTS.find((account) => account.role === "ADMIN")?.email ?? "";
  const admin = await database.user.findFirst({ where: { email: adminEmail }, select: { id: true, name: true, roleId: true } });
  if (!admin) return {};
  const delivered = await database.booking.findMany({
    where: { status: "DELIVERED", customer: { email: { in: customerEmails } } },
    include: { customer: { select: { id: true, name: true } }, services: { include: { review: { select: { id: true } } }, orderBy: { createdAt: "asc" } } },
    orderBy: { slotStart: "asc" },
  });
  const desk: Principal = { userId: admin.id, roleId: admin.roleId, role: "ADMIN", name: admin.name, scopes: new Set(), via: "session" };
  let invoices = 0;
  let payments = 0;
  let reviews = 0;
  for (const booking of delivered) {
    await database.$transaction(async (tx) => {
      if (!(await tx.invoice.findFirst({ where: { bookingId: booking.id, kind: "INVOICE" }, select: { id: true } }))) {
        await tx.$queryRaw`SELECT 1 FROM bookings WHERE id = ${booking.id}::uuid FOR UPDATE`;
        const invoice = await issueInvoiceFor(tx, desk, booking, new Date(booking.slotEnd.getTime() + 8 * 3_600_000));
        invoices++;
        // Half paid at the desk: the rest is the balance due the customer sees.
        const half = Math.floor(invoice.totalMinor / 2);
        if (half > 0) {
          await tx.payment.create({ data: { invoiceId: invoice.id, amountMinor: half, method: "CARD", reference: "Demo: card at the desk", recordedById: admin.id, recordedByName: admin.name } });
          payments++;
        }
      }
      for (const [index, line] of booking.services.entries()) {
        if (line.review || !booking.customer) continue;
        await tx.serviceReview.create({
          data: {
            bookedServiceId: line.id,
            serviceId: line.serviceId,
            customerId: booking.customer.id,
            authorName: booking.customer.name,
            rating: index % 2 === 0 ? 5 : 4,
            text: DEMO_REVIEW_TEXTS[index % DEMO_REVIEW_TEXTS.length] ?? "",
          },
        });
        reviews++;
      }
    });
  }
  return { garageInvoices: invoices, garagePayments: payments, garageReviews: reviews };
}
