-- CreateEnum
CREATE TYPE "VehicleType" AS ENUM ('CAR', 'SUV', 'VAN', 'TRUCK', 'MOTORBIKE');

-- CreateEnum
CREATE TYPE "Transmission" AS ENUM ('MANUAL', 'AUTOMATIC');

-- CreateEnum
CREATE TYPE "FuelType" AS ENUM ('PETROL', 'DIESEL', 'HYBRID', 'ELECTRIC');

-- CreateEnum
CREATE TYPE "VehicleStatus" AS ENUM ('AVAILABLE', 'RENTED', 'MAINTENANCE', 'RETIRED');

-- CreateEnum
CREATE TYPE "RentalStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'ACTIVE', 'COMPLETED', 'CANCELLED');

-- CreateTable
CREATE TABLE "branches" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "opening_hours" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "branches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vehicles" (
    "id" UUID NOT NULL,
    "make" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "type" "VehicleType" NOT NULL,
    "plate" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,
    "transmission" "Transmission" NOT NULL,
    "fuel" "FuelType" NOT NULL,
    "daily_price_cents" INTEGER NOT NULL,
    "branch_id" UUID NOT NULL,
    "photo_url" TEXT,
    "status" "VehicleStatus" NOT NULL DEFAULT 'AVAILABLE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "vehicles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rentals" (
    "id" UUID NOT NULL,
    "vehicle_id" UUID NOT NULL,
    "customer_id" VARCHAR(16),
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "status" "RentalStatus" NOT NULL DEFAULT 'PENDING',
    "daily_price_cents" INTEGER NOT NULL,
    "total_price_cents" INTEGER NOT NULL,
    "late_days" INTEGER NOT NULL DEFAULT 0,
    "late_fee_cents" INTEGER NOT NULL DEFAULT 0,
    "rejection_reason" TEXT,
    "picked_up_at" TIMESTAMPTZ(3),
    "returned_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rentals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rental_status_changes" (
    "id" BIGSERIAL NOT NULL,
    "rental_id" UUID NOT NULL,
    "from_status" "RentalStatus",
    "to_status" "RentalStatus" NOT NULL,
    "actor_id" VARCHAR(16),
    "actor_name" TEXT NOT NULL,
    "note" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rental_status_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "branches_name_key" ON "branches"("name");

-- CreateIndex
CREATE INDEX "branches_city_idx" ON "branches"("city");

-- CreateIndex
CREATE UNIQUE INDEX "vehicles_plate_key" ON "vehicles"("plate");

-- CreateIndex
CREATE INDEX "vehicles_branch_id_idx" ON "vehicles"("branch_id");

-- CreateIndex
CREATE INDEX "vehicles_status_idx" ON "vehicles"("status");

-- CreateIndex
CREATE INDEX "vehicles_type_daily_price_cents_idx" ON "vehicles"("type", "daily_price_cents");

-- CreateIndex
CREATE INDEX "rentals_vehicle_id_start_date_idx" ON "rentals"("vehicle_id", "start_date");

-- CreateIndex
CREATE INDEX "rentals_customer_id_created_at_idx" ON "rentals"("customer_id", "created_at");

-- CreateIndex
CREATE INDEX "rentals_status_start_date_idx" ON "rentals"("status", "start_date");

-- CreateIndex
CREATE INDEX "rental_status_changes_rental_id_id_idx" ON "rental_status_changes"("rental_id", "id");

-- AddForeignKey
ALTER TABLE "vehicles" ADD CONSTRAINT "vehicles_branch_id_fkey" FOREIGN KEY ("branch_id") REFERENCES "branches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rentals" ADD CONSTRAINT "rentals_vehicle_id_fkey" FOREIGN KEY ("vehicle_id") REFERENCES "vehicles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rentals" ADD CONSTRAINT "rentals_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rental_status_changes" ADD CONSTRAINT "rental_status_changes_rental_id_fkey" FOREIGN KEY ("rental_id") REFERENCES "rentals"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Integrity rules Prisma's schema language cannot express. The upper bound on a
-- vehicle's year (next year) moves with the calendar, so the service checks it.
ALTER TABLE "branches" ADD CONSTRAINT "branches_name_not_blank" CHECK (btrim("name") <> '');

ALTER TABLE "vehicles" ADD CONSTRAINT "vehicles_year_check" CHECK ("year" >= 1950);
ALTER TABLE "vehicles" ADD CONSTRAINT "vehicles_seats_check" CHECK ("seats" BETWEEN 1 AND 100);
ALTER TABLE "vehicles" ADD CONSTRAINT "vehicles_daily_price_check" CHECK ("daily_price_cents" > 0);
ALTER TABLE "vehicles" ADD CONSTRAINT "vehicles_plate_not_blank" CHECK (btrim("plate") <> '');

ALTER TABLE "rentals" ADD CONSTRAINT "rentals_period_check" CHECK ("end_date" > "start_date");
ALTER TABLE "rentals" ADD CONSTRAINT "rentals_prices_check" CHECK (
    "daily_price_cents" > 0
    AND "total_price_cents" = ("end_date" - "start_date") * "daily_price_cents"
    AND "late_days" >= 0
    AND "late_fee_cents" = "late_days" * "daily_price_cents"
);
ALTER TABLE "rentals" ADD CONSTRAINT "rentals_rejection_reason_check" CHECK (("status" = 'REJECTED') = ("rejection_reason" IS NOT NULL));

-- Only approval is exclusive: APPROVED and ACTIVE rentals of one vehicle never
-- overlap, whatever the concurrency. The period is [start_date, end_date), so one
-- rental may start on the day the previous one is returned. Violations raise
-- SQLSTATE 23P01, which the service turns into a 409.
ALTER TABLE "rentals" ADD CONSTRAINT "rentals_no_overlapping_approvals"
    EXCLUDE USING gist ("vehicle_id" WITH =, daterange("start_date", "end_date", '[)') WITH &&)
    WHERE ("status" IN ('APPROVED', 'ACTIVE'));

-- A vehicle is out on at most one rental at a time.
CREATE UNIQUE INDEX "rentals_one_active_per_vehicle" ON "rentals"("vehicle_id") WHERE ("status" = 'ACTIVE');
