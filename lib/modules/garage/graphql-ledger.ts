/**
 * GraphQL for reviews, invoices and payments: the same services as the REST routes. Fields
 * off the parent's view (a service's reviews, a booking's invoice, an invoice's lines,
 * payments and credit notes) load in one batch per list (the per-request loader in lib/graphql/loaders.ts): no N+1.
 */
import type { ObjectRef } from "@pothos/core";
import type { GraphQLContext, GraphQLParts } from "../../graphql/builder";
import { nullIfNotFound, withoutNulls } from "../../graphql/builder";
import { loadKeyed } from "../../graphql/loaders";
import {
  creditInvoice,
  getInvoice,
  invoicesOfBookings,
  issueInvoice,
  listInvoices,
  partsOfInvoices,
  recordPayment,
  type InvoiceParts,
} from "./services/invoices";
import { createReview, deleteReview, listReviews, reviewsOfServices, updateReview } from "./services/reviews";
import type { BookingView, CreditNoteView, InvoiceLineView, InvoiceView, PaymentView, ServiceRating, ServiceReviewView, ServiceView } from "./views";
import { INVOICE_KINDS, PAYMENT_METHODS } from "./vocabulary";

type Types = PothosSchemaTypes.ExtendDefaultTypes<{ Context: GraphQLContext }>;
const REVIEWS_PER_SERVICE = 50;

const serviceReviews = (context: GraphQLContext, id: string) =>
  loadKeyed<ServiceReviewView[]>(context, "garage.serviceReviews", id, (ids) => reviewsOfServices(context.principal, [...ids], REVIEWS_PER_SERVICE), []);
const bookingInvoices = (context: GraphQLContext, id: string) =>
  loadKeyed<InvoiceView | null>(context, "garage.bookingInvoice", id, (ids) => invoicesOfBookings(context.principal, [...ids]), null);
const invoiceParts = (context: GraphQLContext, id: string) =>
  loadKeyed<InvoiceParts | null>(context, "garage.invoiceParts", id, (ids) => partsOfInvoices([...ids]), null);

export function ledgerGraphQL(
  { builder }: GraphQLParts,
  refs: { GarageServiceRef: ObjectRef<Types, ServiceView>; BookingRef: ObjectRef<Types, BookingView> },
): void {
  const InvoiceKindEnum = builder.enumType("InvoiceKind", { values: INVOICE_KINDS });
  const PaymentMethodEnum = builder.enumType("PaymentMethod", { values: PAYMENT_METHODS });
  const InvoicePaidStatusEnum = builder.enumType("InvoicePaidStatus", { values: { PAID: { value: "paid" }, UNPAID: { value: "unpaid" } } as const });

  const ServiceRatingRef = builder.objectRef<ServiceRating>("ServiceRating").implement({
    description: "A service's reviews in sum.",
    fields: (t) => ({
      average: t.exposeFloat("average", { nullable: true, description: "Mean rating, one decimal; null without reviews." }),
      count: t.exposeInt("count"),
    }),
  });

  const ServiceReviewRef = builder.objectRef<ServiceReviewView>("ServiceReview").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      bookedServiceId: t.exposeID("bookedServiceId"),
      bookingId: t.exposeID("bookingId"),
      serviceId: t.exposeString("serviceId", { nullable: true }),
      serviceName: t.exposeString("serviceName"),
      customerId: t.exposeString("customerId", { nullable: true }),
      authorName: t.exposeString("authorName"),
      rating: t.exposeInt("rating"),
      text: t.exposeString("text"),
      createdAt: t.exposeString("createdAt"),
      updatedAt: t.exposeString("updatedAt"),
    }),
  });

  builder.objectFields(refs.GarageServiceRef, (t) => ({
    rating: t.field({ type: ServiceRatingRef, resolve: (service) => service.rating }),
    reviews: t.field({
      type: [ServiceReviewRef],
      description: `The newest reviews (at most ${REVIEWS_PER_SERVICE}; READ:SERVICE_REVIEWS).`,
      args: { first: t.arg.int({ description: `1 … ${REVIEWS_PER_SERVICE}, default 10` }) },
      resolve: async (service, args, context) => {
        const first = Math.min(Math.max(args.first ?? 10, 1), REVIEWS_PER_SERVICE);
        return ((await serviceReviews(context, service.id)) ?? []).slice(0, first);
      },
    }),
  }));

  const InvoiceLineRef = builder.objectRef<InvoiceLineView>("InvoiceLine").implement({
    fields: (t) => ({
      position: t.exposeInt("position"),
      description: t.exposeString("description"),
      priceMinor: t.exposeInt("priceMinor"),
      gstCode: t.exposeString("gstCode"),
      gstBasisPoints: t.exposeInt("gstBasisPoints"),
      taxMinor: t.exposeInt("taxMinor"),
    }),
  });

  const PaymentRef = builder.objectRef<PaymentView>("Payment").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      invoiceId: t.exposeID("invoiceId"),
      amountMinor: t.exposeInt("amountMinor"),
      method: t.field({ type: PaymentMethodEnum, resolve: (payment) => payment.method }),
      reference: t.exposeString("reference"),
      recordedByName: t.exposeString("recordedByName"),
      receivedAt: t.exposeString("receivedAt"),
    }),
  });

  const CreditNoteRef = builder.objectRef<CreditNoteView>("CreditNote").implement({
    description: "A credit note: it corrects an invoice with negative lines.",
    fields: (t) => ({
      id: t.exposeID("id"),
      number: t.exposeString("number"),
      correctsId: t.exposeString("correctsId", { nullable: true }),
      subtotalMinor: t.exposeInt("subtotalMinor"),
      taxMinor: t.exposeInt("taxMinor"),
      totalMinor: t.exposeInt("totalMinor"),
      currency: t.exposeString("currency"),
      note: t.exposeString("note", { nullable: true }),
      issuedByName: t.exposeString("issuedByName"),
      issuedAt: t.exposeString("issuedAt"),
      lines: t.field({ type: [InvoiceLineRef], resolve: (note) => note.lines }),
    }),
  });

  const InvoiceRef = builder.objectRef<InvoiceView>("Invoice").implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      number: t.exposeString("number"),
      kind: t.field({ type: InvoiceKindEnum, resolve: (invoice) => invoice.kind }),
      bookingId: t.exposeID("bookingId"),
      correctsId: t.exposeString("correctsId", { nullable: true }),
      customerId: t.exposeString("customerId", { nullable: true }),
      customerName: t.exposeString("customerName"),
      carPlate: t.exposeString("carPlate"),
      carDescription: t.exposeString("carDescription"),
      subtotalMinor: t.exposeInt("subtotalMinor"),
      taxMinor: t.exposeInt("taxMinor"),
      totalMinor: t.exposeInt("totalMinor"),
      currency: t.exposeString("currency"),
      note: t.exposeString("note", { nullable: true }),
      issuedByName: t.exposeString("issuedByName"),
      issuedAt: t.exposeString("issuedAt"),
      creditedMinor: t.exposeInt("creditedMinor"),
      paidMinor: t.exposeInt("paidMinor"),
      balanceDueMinor: t.exposeInt("balanceDueMinor", { description: "total − credit notes − payments; never negative." }),
      lines: t.field({ type: [InvoiceLineRef], resolve: async (invoice, _args, context) => (await invoiceParts(context, invoice.id))?.lines ?? [] }),
      payments: t.field({ type: [PaymentRef], resolve: async (invoice, _args, context) => (await invoiceParts(context, invoice.id))?.payments ?? [] }),
      creditNotes: t.field({ type: [CreditNoteRef], resolve: async (invoice, _args, context) => (await invoiceParts(context, invoice.id))?.creditNotes ?? [] }),
    }),
  });

  builder.objectFields(refs.BookingRef, (t) => ({
    invoice: t.field({
      type: InvoiceRef,
      nullable: true,
      description: "Issued when the booking reaches READY; null until then.",
      resolve: async (booking, _args, context) => (await bookingInvoices(context, booking.id)) ?? null,
    }),
  }));

  builder.queryFields((t) => ({
    reviews: t.field({
      type: [ServiceReviewRef],
      description: "Service reviews, newest first (GET /api/v1/reviews).",
      args: { serviceId: t.arg.id(), customerId: t.arg.string(), limit: t.arg.int(), offset: t.arg.int() },
      resolve: async (_root, args, context) => (await listReviews(context.principal, withoutNulls({ ...args, serviceId: args.serviceId?.toString() }))).items,
    }),
    invoices: t.field({
      type: [InvoiceRef],
      description: "Invoices: staff every one, customers their own (GET /api/v1/invoices).",
      args: { bookingId: t.arg.id(), status: t.arg({ type: InvoicePaidStatusEnum }), limit: t.arg.int(), offset: t.arg.int() },
      resolve: async (_root, args, context) => (await listInvoices(context.principal, withoutNulls({ ...args, bookingId: args.bookingId?.toString() }))).items,
    }),
    invoice: t.field({
      type: InvoiceRef,
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, context) => nullIfNotFound(() => getInvoice(context.principal, String(args.id))),
    }),
  }));

  builder.mutationFields((t) => ({
    reviewService: t.field({
      type: ServiceReviewRef,
      description: "The booking's customer reviews a delivered booked service, once (POST /api/v1/reviews).",
      args: { bookedServiceId: t.arg.id({ required: true }), rating: t.arg.int({ required: true }), text: t.arg.string() },
      resolve: (_root, args, context) => createReview(context.principal, withoutNulls({ ...args, bookedServiceId: String(args.bookedServiceId) })),
    }),
    updateReview: t.field({
      type: ServiceReviewRef,
      description: "The author changes their review; an admin moderates its text.",
      args: { id: t.arg.id({ required: true }), rating: t.arg.int(), text: t.arg.string() },
      resolve: (_root, args, context) => updateReview(context.principal, String(args.id), withoutNulls({ rating: args.rating, text: args.text })),
    }),
    deleteReview: t.field({
      type: "Boolean",
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, args, context) => {
        await deleteReview(context.principal, String(args.id));
        return true;
      },
    }),
    issueInvoice: t.field({
      type: InvoiceRef,
      description: "Admins: issue the invoice of a READY or DELIVERED booking that has none.",
      args: { bookingId: t.arg.id({ required: true }) },
      resolve: (_root, args, context) => issueInvoice(context.principal, String(args.bookingId)),
    }),
    creditInvoice: t.field({
      type: CreditNoteRef,
      description: "Admins: a credit note for all of an invoice's lines not credited yet, or those at the given positions.",
      args: { invoiceId: t.arg.id({ required: true }), reason: t.arg.string({ required: true }), positions: t.arg.intList() },
      resolve: (_root, args, context) =>
        creditInvoice(context.principal, String(args.invoiceId), { reason: args.reason, ...(args.positions ? { lines: args.positions.map((position) => ({ position })) } : {}) }),
    }),
    recordPayment: t.field({
      type: PaymentRef,
      description: "Admins: a payment taken at the desk, at most the balance due.",
      args: { invoiceId: t.arg.id({ required: true }), amountMinor: t.arg.int({ required: true }), method: t.arg({ type: PaymentMethodEnum, required: true }), reference: t.arg.string() },
      resolve: (_root, args, context) =>
        recordPayment(context.principal, String(args.invoiceId), withoutNulls({ amountMinor: args.amountMinor, method: args.method, reference: args.reference })),
    }),
  }));
}
