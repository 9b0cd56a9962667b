-- CreateEnum
CREATE TYPE "AssignmentStatus" AS ENUM ('ASSIGNED', 'ACCEPTED', 'STARTED', 'FINISHED', 'REASSIGNED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "InspectionRating" AS ENUM ('OK', 'ATTENTION', 'CRITICAL');

-- CreateEnum
CREATE TYPE "RecommendationStatus" AS ENUM ('PENDING', 'APPROVED', 'DECLINED');

-- CreateEnum
CREATE TYPE "ApprovalDecision" AS ENUM ('APPROVED', 'DECLINED');

-- CreateEnum
CREATE TYPE "ApprovalChannel" AS ENUM ('IN_APP', 'PHONE');

-- CreateEnum
CREATE TYPE "InvoiceKind" AS ENUM ('INVOICE', 'CREDIT_NOTE');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('CASH', 'CARD', 'BANK_TRANSFER');

-- AlterTable
ALTER TABLE "bookings" ADD COLUMN     "odometer_in_km" INTEGER,
ADD COLUMN     "odometer_out_km" INTEGER,
ADD COLUMN     "promised_at" TIMESTAMPTZ(3);

-- The status history becomes the booking's progress timeline: same rows, renamed, plus notes without a status change.
ALTER TABLE "booking_status_changes" RENAME TO "booking_progress";
ALTER SEQUENCE "booking_status_changes_id_seq" RENAME TO "booking_progress_id_seq";
ALTER TABLE "booking_progress" RENAME CONSTRAINT "booking_status_changes_pkey" TO "booking_progress_pkey";
ALTER TABLE "booking_progress" RENAME CONSTRAINT "booking_status_changes_booking_id_fkey" TO "booking_progress_booking_id_fkey";
ALTER INDEX "booking_status_changes_booking_id_id_idx" RENAME TO "booking_progress_booking_id_id_idx";
ALTER TABLE "booking_progress" ALTER COLUMN "to_status" DROP NOT NULL,
ADD COLUMN "edited_at" TIMESTAMPTZ(3),
ADD COLUMN "edited_by_id" VARCHAR(16);

-- CreateTable
CREATE TABLE "booking_assignments" (
    "id" UUID NOT NULL,
    "booking_id" UUID NOT NULL,
    "booked_service_id" UUID,
    "mechanic_id" VARCHAR(16),
    "mechanic_name" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "AssignmentStatus" NOT NULL DEFAULT 'ASSIGNED',
    "assigned_by_id" VARCHAR(16),
    "assigned_by_name" TEXT NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "previous_id" UUID,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "booking_assignments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inspection_templates" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "inspection_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inspection_template_items" (
    "id" UUID NOT NULL,
    "template_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "measurement_unit" VARCHAR(16),
    "service_id" UUID,

    CONSTRAINT "inspection_template_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inspections" (
    "id" UUID NOT NULL,
    "booking_id" UUID NOT NULL,
    "template_id" UUID,
    "template_name" TEXT NOT NULL,
    "mechanic_id" VARCHAR(16),
    "mechanic_name" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "submitted_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "inspections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inspection_items" (
    "id" UUID NOT NULL,
    "inspection_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "rating" "InspectionRating",
    "note" TEXT NOT NULL DEFAULT '',
    "measurement" DECIMAL(10,2),
    "measurement_unit" VARCHAR(16),
    "service_id" UUID,

    CONSTRAINT "inspection_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inspection_photos" (
    "id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "content_type" VARCHAR(32) NOT NULL,
    "bytes" BYTEA NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "display_bytes" BYTEA NOT NULL,
    "display_type" VARCHAR(32) NOT NULL,
    "uploaded_by_id" VARCHAR(16),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inspection_photos_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recommendations" (
    "id" UUID NOT NULL,
    "booking_id" UUID NOT NULL,
    "car_id" UUID,
    "inspection_item_id" UUID,
    "deferred_from_id" UUID,
    "service_id" UUID,
    "service_name" TEXT NOT NULL,
    "severity" "InspectionRating" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "labour_minutes" INTEGER NOT NULL,
    "chart_price_minor" INTEGER NOT NULL,
    "price_source" VARCHAR(16) NOT NULL,
    "price_chart_id" UUID,
    "price_minor" INTEGER NOT NULL,
    "adjustment_reason" TEXT,
    "gst_code" VARCHAR(32) NOT NULL,
    "gst_basis_points" INTEGER NOT NULL,
    "tax_minor" INTEGER NOT NULL,
    "status" "RecommendationStatus" NOT NULL DEFAULT 'PENDING',
    "version" INTEGER NOT NULL DEFAULT 1,
    "booked_service_id" UUID,
    "created_by_id" VARCHAR(16),
    "created_by_name" TEXT NOT NULL,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "recommendations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approval_records" (
    "id" UUID NOT NULL,
    "booking_id" UUID NOT NULL,
    "decision" "ApprovalDecision" NOT NULL,
    "channel" "ApprovalChannel" NOT NULL,
    "customer_id" VARCHAR(16),
    "customer_name" TEXT NOT NULL,
    "recorded_by_id" VARCHAR(16),
    "recorded_by_name" TEXT NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "note" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "approval_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approval_items" (
    "id" UUID NOT NULL,
    "approval_id" UUID NOT NULL,
    "recommendation_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "service_name" TEXT NOT NULL,
    "price_minor" INTEGER NOT NULL,
    "tax_minor" INTEGER NOT NULL,

    CONSTRAINT "approval_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_reviews" (
    "id" UUID NOT NULL,
    "booked_service_id" UUID NOT NULL,
    "service_id" UUID,
    "customer_id" VARCHAR(16),
    "author_name" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "service_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_sequences" (
    "kind" "InvoiceKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "invoice_sequences_pkey" PRIMARY KEY ("kind","year")
);

-- CreateTable
CREATE TABLE "invoices" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "kind" "InvoiceKind" NOT NULL DEFAULT 'INVOICE',
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "booking_id" UUID NOT NULL,
    "corrects_id" UUID,
    "customer_id" VARCHAR(16),
    "customer_name" TEXT NOT NULL,
    "car_plate" TEXT NOT NULL,
    "car_description" TEXT NOT NULL,
    "subtotal_minor" INTEGER NOT NULL,
    "tax_minor" INTEGER NOT NULL,
    "total_minor" INTEGER NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "note" TEXT,
    "issued_by_id" VARCHAR(16),
    "issued_by_name" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invoices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_lines" (
    "id" UUID NOT NULL,
    "invoice_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "price_minor" INTEGER NOT NULL,
    "gst_code" VARCHAR(32) NOT NULL,
    "gst_basis_points" INTEGER NOT NULL,
    "tax_minor" INTEGER NOT NULL,

    CONSTRAINT "invoice_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payments" (
    "id" UUID NOT NULL,
    "invoice_id" UUID NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "reference" TEXT NOT NULL DEFAULT '',
    "recorded_by_id" VARCHAR(16),
    "recorded_by_name" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "booking_assignments_previous_id_key" ON "booking_assignments"("previous_id");

-- CreateIndex
CREATE INDEX "booking_assignments_booking_id_idx" ON "booking_assignments"("booking_id");

-- CreateIndex
CREATE INDEX "booking_assignments_mechanic_id_starts_at_idx" ON "booking_assignments"("mechanic_id", "starts_at");

-- CreateIndex
CREATE UNIQUE INDEX "inspection_template_items_template_id_position_key" ON "inspection_template_items"("template_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "inspections_booking_id_key" ON "inspections"("booking_id");

-- CreateIndex
CREATE UNIQUE INDEX "inspection_items_inspection_id_position_key" ON "inspection_items"("inspection_id", "position");

-- CreateIndex
CREATE INDEX "inspection_photos_item_id_idx" ON "inspection_photos"("item_id");

-- CreateIndex
CREATE UNIQUE INDEX "recommendations_inspection_item_id_key" ON "recommendations"("inspection_item_id");

-- CreateIndex
CREATE UNIQUE INDEX "recommendations_deferred_from_id_key" ON "recommendations"("deferred_from_id");

-- CreateIndex
CREATE UNIQUE INDEX "recommendations_booked_service_id_key" ON "recommendations"("booked_service_id");

-- CreateIndex
CREATE INDEX "recommendations_booking_id_idx" ON "recommendations"("booking_id");

-- CreateIndex
CREATE INDEX "recommendations_car_id_status_idx" ON "recommendations"("car_id", "status");

-- CreateIndex
CREATE INDEX "approval_records_booking_id_at_idx" ON "approval_records"("booking_id", "at");

-- CreateIndex
CREATE INDEX "approval_items_approval_id_idx" ON "approval_items"("approval_id");

-- CreateIndex
CREATE INDEX "approval_items_recommendation_id_idx" ON "approval_items"("recommendation_id");

-- CreateIndex
CREATE UNIQUE INDEX "service_reviews_booked_service_id_key" ON "service_reviews"("booked_service_id");

-- CreateIndex
CREATE INDEX "service_reviews_service_id_created_at_idx" ON "service_reviews"("service_id", "created_at");

-- CreateIndex
CREATE INDEX "service_reviews_customer_id_idx" ON "service_reviews"("customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_number_key" ON "invoices"("number");

-- CreateIndex
CREATE INDEX "invoices_booking_id_idx" ON "invoices"("booking_id");

-- CreateIndex
CREATE INDEX "invoices_customer_id_issued_at_idx" ON "invoices"("customer_id", "issued_at");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_kind_year_sequence_key" ON "invoices"("kind", "year", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_lines_invoice_id_position_key" ON "invoice_lines"("invoice_id", "position");

-- CreateIndex
CREATE INDEX "payments_invoice_id_idx" ON "payments"("invoice_id");

-- AddForeignKey
ALTER TABLE "booking_assignments" ADD CONSTRAINT "booking_assignments_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking_assignments" ADD CONSTRAINT "booking_assignments_booked_service_id_fkey" FOREIGN KEY ("booked_service_id") REFERENCES "booked_services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking_assignments" ADD CONSTRAINT "booking_assignments_mechanic_id_fkey" FOREIGN KEY ("mechanic_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking_assignments" ADD CONSTRAINT "booking_assignments_previous_id_fkey" FOREIGN KEY ("previous_id") REFERENCES "booking_assignments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection_template_items" ADD CONSTRAINT "inspection_template_items_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "inspection_templates"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection_template_items" ADD CONSTRAINT "inspection_template_items_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "garage_services"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "inspection_templates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection_items" ADD CONSTRAINT "inspection_items_inspection_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "inspections"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection_items" ADD CONSTRAINT "inspection_items_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "garage_services"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection_photos" ADD CONSTRAINT "inspection_photos_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "inspection_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_car_id_fkey" FOREIGN KEY ("car_id") REFERENCES "customer_cars"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_inspection_item_id_fkey" FOREIGN KEY ("inspection_item_id") REFERENCES "inspection_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_deferred_from_id_fkey" FOREIGN KEY ("deferred_from_id") REFERENCES "recommendations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "garage_services"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_booked_service_id_fkey" FOREIGN KEY ("booked_service_id") REFERENCES "booked_services"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval_records" ADD CONSTRAINT "approval_records_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval_items" ADD CONSTRAINT "approval_items_approval_id_fkey" FOREIGN KEY ("approval_id") REFERENCES "approval_records"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval_items" ADD CONSTRAINT "approval_items_recommendation_id_fkey" FOREIGN KEY ("recommendation_id") REFERENCES "recommendations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_reviews" ADD CONSTRAINT "service_reviews_booked_service_id_fkey" FOREIGN KEY ("booked_service_id") REFERENCES "booked_services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_reviews" ADD CONSTRAINT "service_reviews_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "garage_services"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_reviews" ADD CONSTRAINT "service_reviews_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_corrects_id_fkey" FOREIGN KEY ("corrects_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ── Rules the database keeps ──────────────────────────────────────────────────
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_odometer_check" CHECK (
  ("odometer_in_km" IS NULL OR "odometer_in_km" >= 0)
  AND ("odometer_out_km" IS NULL OR ("odometer_in_km" IS NOT NULL AND "odometer_out_km" >= "odometer_in_km"))
);
ALTER TABLE "booking_progress" ADD CONSTRAINT "booking_progress_has_content" CHECK ("to_status" IS NOT NULL OR "note" IS NOT NULL);

-- No mechanic holds two overlapping assignments (handed-over and cancelled ones hold nothing).
ALTER TABLE "booking_assignments" ADD CONSTRAINT "booking_assignments_period_check" CHECK ("ends_at" > "starts_at");
ALTER TABLE "booking_assignments" ADD CONSTRAINT "booking_assignments_no_overlap"
  EXCLUDE USING gist ("mechanic_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)
  WHERE ("status" NOT IN ('REASSIGNED', 'CANCELLED'));

CREATE UNIQUE INDEX "inspection_templates_name_lower_key" ON "inspection_templates" (lower("name"));
ALTER TABLE "inspection_templates" ADD CONSTRAINT "inspection_templates_name_not_blank" CHECK (btrim("name") <> '');
ALTER TABLE "inspection_template_items" ADD CONSTRAINT "inspection_template_items_label_not_blank" CHECK (btrim("label") <> '');
ALTER TABLE "inspection_items" ADD CONSTRAINT "inspection_items_measurement_check" CHECK ("measurement" IS NULL OR "measurement" >= 0);
ALTER TABLE "inspection_photos" ADD CONSTRAINT "inspection_photos_type_check" CHECK ("content_type" IN ('image/jpeg', 'image/png', 'image/webp'));
ALTER TABLE "inspection_photos" ADD CONSTRAINT "inspection_photos_size_check" CHECK ("size_bytes" BETWEEN 1 AND 5242880 AND "size_bytes" = octet_length("bytes"));

ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_money_check" CHECK ("price_minor" >= 0 AND "chart_price_minor" >= 0 AND "tax_minor" >= 0 AND "labour_minutes" >= 0);
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_severity_check" CHECK ("severity" <> 'OK');
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_adjustment_check" CHECK ("price_minor" = "chart_price_minor" OR "adjustment_reason" IS NOT NULL);
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_booked_when_approved" CHECK ("booked_service_id" IS NULL OR "status" = 'APPROVED');

ALTER TABLE "service_reviews" ADD CONSTRAINT "service_reviews_rating_check" CHECK ("rating" BETWEEN 1 AND 5);

ALTER TABLE "invoice_sequences" ADD CONSTRAINT "invoice_sequences_last_check" CHECK ("last" >= 0);
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_sequence_check" CHECK ("sequence" > 0);
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_totals_check" CHECK ("total_minor" = "subtotal_minor" + "tax_minor");
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_kind_check" CHECK (
  ("kind" = 'INVOICE' AND "corrects_id" IS NULL AND "total_minor" >= 0)
  OR ("kind" = 'CREDIT_NOTE' AND "corrects_id" IS NOT NULL AND "total_minor" <= 0)
);
ALTER TABLE "payments" ADD CONSTRAINT "payments_amount_check" CHECK ("amount_minor" > 0);

-- Approval records and issued invoices are immutable: corrections are new rows.
-- The body is an escaped string with \073 for the semicolon: migrations are split into statements at every semicolon.
CREATE FUNCTION "refuse_change_of_immutable_row"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''% rows are immutable'', TG_TABLE_NAME USING ERRCODE = ''integrity_constraint_violation''\073 END';
CREATE TRIGGER "approval_records_immutable" BEFORE UPDATE OR DELETE ON "approval_records"
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION "refuse_change_of_immutable_row"();
CREATE TRIGGER "approval_items_immutable" BEFORE UPDATE OR DELETE ON "approval_items"
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION "refuse_change_of_immutable_row"();
CREATE TRIGGER "invoices_immutable" BEFORE UPDATE OR DELETE ON "invoices"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_of_immutable_row"();
CREATE TRIGGER "invoice_lines_immutable" BEFORE UPDATE OR DELETE ON "invoice_lines"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_of_immutable_row"();

-- Recommendations: mechanics write and adjust them, customers decide their own (granted on
-- databases whose permissions exist already, a new database gets them from the matrix at start).
INSERT INTO "role_permissions" ("role_id", "permission_id")
SELECT grants.role_id, "permissions"."id"
FROM (VALUES (2, 'READ:BOOKING_RECOMMENDATIONS'), (2, 'WRITE:BOOKING_RECOMMENDATIONS'), (2, 'UPDATE:BOOKING_RECOMMENDATIONS'),
             (3, 'READ:BOOKING_RECOMMENDATIONS'), (3, 'UPDATE:BOOKING_RECOMMENDATIONS')) AS grants (role_id, scope)
JOIN "permissions" ON "permissions"."scope" = grants.scope
ON CONFLICT DO NOTHING;
