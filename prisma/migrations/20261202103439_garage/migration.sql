-- CreateEnum
CREATE TYPE "CarSegment" AS ENUM ('HATCHBACK', 'SEDAN', 'SUV', 'MUV', 'LUXURY', 'EV');

-- CreateEnum
CREATE TYPE "CarFuel" AS ENUM ('PETROL', 'DIESEL', 'CNG', 'HYBRID', 'ELECTRIC');

-- CreateEnum
CREATE TYPE "BookingStatus" AS ENUM ('BOOKED', 'CHECKED_IN', 'INSPECTING', 'AWAITING_APPROVAL', 'IN_PROGRESS', 'QUALITY_CHECK', 'READY', 'DELIVERED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "SupportQueryStatus" AS ENUM ('OPEN', 'ANSWERED', 'CLOSED');

-- CreateTable
CREATE TABLE "service_categories" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "service_categories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gst_rates" (
    "code" VARCHAR(32) NOT NULL,
    "label" TEXT NOT NULL,
    "basis_points" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "gst_rates_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "garage_services" (
    "id" UUID NOT NULL,
    "category_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "labour_minutes" INTEGER NOT NULL,
    "base_price_minor" INTEGER NOT NULL,
    "gst_code" VARCHAR(32) NOT NULL DEFAULT 'STANDARD',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "garage_services_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "car_models" (
    "id" UUID NOT NULL,
    "make" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "year_from" INTEGER NOT NULL,
    "year_to" INTEGER,
    "segment" "CarSegment" NOT NULL,
    "fuel" "CarFuel" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "car_models_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "price_chart" (
    "id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "car_model_id" UUID,
    "segment" "CarSegment",
    "price_minor" INTEGER NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_until" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "price_chart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_cars" (
    "id" UUID NOT NULL,
    "owner_id" VARCHAR(16) NOT NULL,
    "car_model_id" UUID NOT NULL,
    "plate" TEXT NOT NULL,
    "plate_key" TEXT NOT NULL,
    "vin" TEXT,
    "colour" TEXT NOT NULL DEFAULT '',
    "odometer_km" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "customer_cars_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "garage_areas" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "postcode" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "garage_areas_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "garage_addresses" (
    "id" UUID NOT NULL,
    "owner_id" VARCHAR(16) NOT NULL,
    "area_id" UUID NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "line1" TEXT NOT NULL,
    "line2" TEXT NOT NULL DEFAULT '',
    "postcode" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "garage_addresses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cart_lines" (
    "id" UUID NOT NULL,
    "owner_id" VARCHAR(16) NOT NULL,
    "service_id" UUID NOT NULL,
    "car_id" UUID NOT NULL,
    "price_shown_minor" INTEGER NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cart_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "favourites" (
    "owner_id" VARCHAR(16) NOT NULL,
    "service_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "favourites_pkey" PRIMARY KEY ("owner_id","service_id")
);

-- CreateTable
CREATE TABLE "bookings" (
    "id" UUID NOT NULL,
    "customer_id" VARCHAR(16),
    "car_id" UUID,
    "car_plate" TEXT NOT NULL,
    "car_description" TEXT NOT NULL,
    "slot_start" TIMESTAMPTZ(3) NOT NULL,
    "slot_end" TIMESTAMPTZ(3) NOT NULL,
    "bay" INTEGER NOT NULL,
    "labour_minutes" INTEGER NOT NULL,
    "pickup_address_id" UUID,
    "pickup_text" TEXT,
    "status" "BookingStatus" NOT NULL DEFAULT 'BOOKED',
    "notes" TEXT NOT NULL DEFAULT '',
    "subtotal_minor" INTEGER NOT NULL,
    "tax_minor" INTEGER NOT NULL,
    "total_minor" INTEGER NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "cancelled_at" TIMESTAMPTZ(3),
    "cancel_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "bookings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "booked_services" (
    "id" UUID NOT NULL,
    "booking_id" UUID NOT NULL,
    "service_id" UUID,
    "service_name" TEXT NOT NULL,
    "labour_minutes" INTEGER NOT NULL,
    "price_minor" INTEGER NOT NULL,
    "price_source" VARCHAR(16) NOT NULL,
    "price_chart_id" UUID,
    "gst_code" VARCHAR(32) NOT NULL,
    "gst_basis_points" INTEGER NOT NULL,
    "tax_minor" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "booked_services_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "booking_status_changes" (
    "id" BIGSERIAL NOT NULL,
    "booking_id" UUID NOT NULL,
    "from_status" "BookingStatus",
    "to_status" "BookingStatus" NOT NULL,
    "actor_id" VARCHAR(16),
    "actor_name" TEXT NOT NULL,
    "note" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "booking_status_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "content_pages" (
    "slug" VARCHAR(64) NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updated_by_id" VARCHAR(16),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "content_pages_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "support_queries" (
    "id" UUID NOT NULL,
    "customer_id" VARCHAR(16) NOT NULL,
    "booking_id" UUID,
    "subject" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "status" "SupportQueryStatus" NOT NULL DEFAULT 'OPEN',
    "answer" TEXT,
    "answered_by_id" VARCHAR(16),
    "answered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "support_queries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "service_categories_slug_key" ON "service_categories"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "garage_services_slug_key" ON "garage_services"("slug");

-- CreateIndex
CREATE INDEX "garage_services_category_id_name_idx" ON "garage_services"("category_id", "name");

-- CreateIndex
CREATE INDEX "car_models_make_model_idx" ON "car_models"("make", "model");

-- CreateIndex
CREATE INDEX "price_chart_service_id_car_model_id_idx" ON "price_chart"("service_id", "car_model_id");

-- CreateIndex
CREATE INDEX "price_chart_service_id_segment_idx" ON "price_chart"("service_id", "segment");

-- CreateIndex
CREATE UNIQUE INDEX "customer_cars_plate_key_key" ON "customer_cars"("plate_key");

-- CreateIndex
CREATE UNIQUE INDEX "customer_cars_vin_key" ON "customer_cars"("vin");

-- CreateIndex
CREATE INDEX "customer_cars_owner_id_idx" ON "customer_cars"("owner_id");

-- CreateIndex
CREATE INDEX "garage_addresses_owner_id_idx" ON "garage_addresses"("owner_id");

-- CreateIndex
CREATE UNIQUE INDEX "cart_lines_owner_id_service_id_car_id_key" ON "cart_lines"("owner_id", "service_id", "car_id");

-- CreateIndex
CREATE INDEX "bookings_customer_id_slot_start_idx" ON "bookings"("customer_id", "slot_start");

-- CreateIndex
CREATE INDEX "bookings_status_slot_start_idx" ON "bookings"("status", "slot_start");

-- CreateIndex
CREATE INDEX "bookings_car_id_idx" ON "bookings"("car_id");

-- CreateIndex
CREATE INDEX "booked_services_booking_id_idx" ON "booked_services"("booking_id");

-- CreateIndex
CREATE INDEX "booking_status_changes_booking_id_id_idx" ON "booking_status_changes"("booking_id", "id");

-- CreateIndex
CREATE INDEX "support_queries_customer_id_created_at_idx" ON "support_queries"("customer_id", "created_at");

-- CreateIndex
CREATE INDEX "support_queries_status_created_at_idx" ON "support_queries"("status", "created_at");

-- AddForeignKey
ALTER TABLE "garage_services" ADD CONSTRAINT "garage_services_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "service_categories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "garage_services" ADD CONSTRAINT "garage_services_gst_code_fkey" FOREIGN KEY ("gst_code") REFERENCES "gst_rates"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "price_chart" ADD CONSTRAINT "price_chart_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "garage_services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "price_chart" ADD CONSTRAINT "price_chart_car_model_id_fkey" FOREIGN KEY ("car_model_id") REFERENCES "car_models"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_cars" ADD CONSTRAINT "customer_cars_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_cars" ADD CONSTRAINT "customer_cars_car_model_id_fkey" FOREIGN KEY ("car_model_id") REFERENCES "car_models"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "garage_addresses" ADD CONSTRAINT "garage_addresses_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "garage_addresses" ADD CONSTRAINT "garage_addresses_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "garage_areas"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "garage_services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_car_id_fkey" FOREIGN KEY ("car_id") REFERENCES "customer_cars"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "favourites" ADD CONSTRAINT "favourites_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "favourites" ADD CONSTRAINT "favourites_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "garage_services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_car_id_fkey" FOREIGN KEY ("car_id") REFERENCES "customer_cars"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_pickup_address_id_fkey" FOREIGN KEY ("pickup_address_id") REFERENCES "garage_addresses"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booked_services" ADD CONSTRAINT "booked_services_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booked_services" ADD CONSTRAINT "booked_services_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "garage_services"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking_status_changes" ADD CONSTRAINT "booking_status_changes_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_queries" ADD CONSTRAINT "support_queries_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_queries" ADD CONSTRAINT "support_queries_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- ── Integrity the schema file cannot express ────────────────────────────────

CREATE UNIQUE INDEX "service_categories_name_lower_key" ON "service_categories" (lower("name"));
CREATE UNIQUE INDEX "garage_areas_name_lower_key" ON "garage_areas" (lower("name"));
CREATE UNIQUE INDEX "car_models_identity_key" ON "car_models" (lower("make"), lower("model"), "year_from");

ALTER TABLE "gst_rates" ADD CONSTRAINT "gst_rates_basis_points_check" CHECK ("basis_points" BETWEEN 0 AND 10000);
ALTER TABLE "garage_services" ADD CONSTRAINT "garage_services_labour_minutes_check" CHECK ("labour_minutes" BETWEEN 1 AND 1440);
ALTER TABLE "garage_services" ADD CONSTRAINT "garage_services_base_price_check" CHECK ("base_price_minor" >= 0);
ALTER TABLE "car_models" ADD CONSTRAINT "car_models_years_check" CHECK ("year_from" BETWEEN 1900 AND 2100 AND ("year_to" IS NULL OR "year_to" >= "year_from"));
ALTER TABLE "customer_cars" ADD CONSTRAINT "customer_cars_odometer_check" CHECK ("odometer_km" >= 0);
ALTER TABLE "customer_cars" ADD CONSTRAINT "customer_cars_vin_check" CHECK ("vin" IS NULL OR "vin" ~ '^[A-HJ-NPR-Z0-9]{17}$');
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_price_check" CHECK ("price_shown_minor" >= 0);

-- A price row names a model or a segment, never both, and its validity is a non-empty range.
ALTER TABLE "price_chart" ADD CONSTRAINT "price_chart_target_check" CHECK (("car_model_id" IS NULL) <> ("segment" IS NULL));
ALTER TABLE "price_chart" ADD CONSTRAINT "price_chart_price_check" CHECK ("price_minor" >= 0);
ALTER TABLE "price_chart" ADD CONSTRAINT "price_chart_validity_check" CHECK ("valid_until" IS NULL OR "valid_until" > "valid_from");
ALTER TABLE "price_chart" ADD CONSTRAINT "price_chart_no_overlap_per_model"
    EXCLUDE USING gist ("service_id" WITH =, "car_model_id" WITH =, daterange("valid_from", "valid_until", '[)') WITH &&)
    WHERE ("car_model_id" IS NOT NULL);
ALTER TABLE "price_chart" ADD CONSTRAINT "price_chart_no_overlap_per_segment"
    EXCLUDE USING gist ("service_id" WITH =, "segment" WITH =, daterange("valid_from", "valid_until", '[)') WITH &&)
    WHERE ("segment" IS NOT NULL);

-- A booking holds one bay of its drop-off slot until it is cancelled, no two hold the same one.
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_bay_check" CHECK ("bay" >= 1);
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_slot_check" CHECK ("slot_end" > "slot_start");
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_money_check" CHECK ("subtotal_minor" >= 0 AND "tax_minor" >= 0 AND "total_minor" = "subtotal_minor" + "tax_minor");
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_labour_check" CHECK ("labour_minutes" >= 1);
CREATE UNIQUE INDEX "bookings_slot_bay_key" ON "bookings" ("slot_start", "bay") WHERE "status" <> 'CANCELLED';

ALTER TABLE "booked_services" ADD CONSTRAINT "booked_services_money_check" CHECK ("price_minor" >= 0 AND "tax_minor" >= 0 AND "gst_basis_points" BETWEEN 0 AND 10000 AND "labour_minutes" >= 1);

-- The shop's defaults: one GST rate (admins edit it) and its pages (admins edit them, there is no create).
INSERT INTO "gst_rates" ("code", "label", "basis_points", "updated_at") VALUES
    ('STANDARD', 'GST on services', 1800, CURRENT_TIMESTAMP),
    ('PARTS', 'GST on parts and consumables', 2800, CURRENT_TIMESTAMP);
INSERT INTO "content_pages" ("slug", "title", "body", "updated_at") VALUES
    ('about', 'About the garage', E'# About us\n\nWheelhouse Garage services every make of car, from oil changes to full repairs.', CURRENT_TIMESTAMP),
    ('terms', 'Terms of service', E'# Terms\n\nPrices include labour, and GST is added at the rate in force when you book.', CURRENT_TIMESTAMP),
    ('faq', 'Frequently asked questions', E'# FAQ\n\n**Can I cancel?** Yes, any time before your car is checked in.', CURRENT_TIMESTAMP),
    ('opening-hours', 'Opening hours', E'# Opening hours\n\nMonday to Saturday, 08:00 to 18:00.', CURRENT_TIMESTAMP);
