-- CreateEnum
CREATE TYPE "SpotKind" AS ENUM ('STANDARD', 'COMPACT', 'EV_CHARGER', 'ACCESSIBLE', 'MOTORBIKE');

-- CreateEnum
CREATE TYPE "ReservationStatus" AS ENUM ('CONFIRMED', 'ACTIVE', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CreditTransactionKind" AS ENUM ('ESCROW_HOLD', 'SETTLEMENT', 'REFUND');

-- CreateTable
CREATE TABLE "parking_spots" (
    "id" UUID NOT NULL,
    "owner_id" VARCHAR(16) NOT NULL,
    "label" TEXT NOT NULL,
    "zone" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" "SpotKind" NOT NULL DEFAULT 'STANDARD',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "parking_spots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "availability_windows" (
    "id" UUID NOT NULL,
    "spot_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "availability_windows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reservations" (
    "id" UUID NOT NULL,
    "spot_id" UUID NOT NULL,
    "reserver_id" VARCHAR(16) NOT NULL,
    "owner_id" VARCHAR(16) NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "ReservationStatus" NOT NULL DEFAULT 'CONFIRMED',
    "cost" INTEGER NOT NULL,
    "settled_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),
    "cancelled_by_id" VARCHAR(16),
    "completed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reservations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credit_transactions" (
    "id" BIGSERIAL NOT NULL,
    "user_id" VARCHAR(16) NOT NULL,
    "reservation_id" UUID,
    "kind" "CreditTransactionKind" NOT NULL,
    "amount" INTEGER NOT NULL,
    "balance_after" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_transactions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "parking_spots_zone_idx" ON "parking_spots"("zone");

-- CreateIndex
CREATE INDEX "parking_spots_owner_id_idx" ON "parking_spots"("owner_id");

-- CreateIndex
CREATE INDEX "availability_windows_spot_id_ends_at_idx" ON "availability_windows"("spot_id", "ends_at");

-- CreateIndex
CREATE INDEX "reservations_reserver_id_created_at_idx" ON "reservations"("reserver_id", "created_at");

-- CreateIndex
CREATE INDEX "reservations_owner_id_created_at_idx" ON "reservations"("owner_id", "created_at");

-- CreateIndex
CREATE INDEX "reservations_status_starts_at_idx" ON "reservations"("status", "starts_at");

-- CreateIndex
CREATE INDEX "reservations_status_ends_at_idx" ON "reservations"("status", "ends_at");

-- CreateIndex
CREATE INDEX "credit_transactions_user_id_id_idx" ON "credit_transactions"("user_id", "id");

-- AddForeignKey
ALTER TABLE "parking_spots" ADD CONSTRAINT "parking_spots_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "availability_windows" ADD CONSTRAINT "availability_windows_spot_id_fkey" FOREIGN KEY ("spot_id") REFERENCES "parking_spots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_spot_id_fkey" FOREIGN KEY ("spot_id") REFERENCES "parking_spots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_reserver_id_fkey" FOREIGN KEY ("reserver_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_transactions" ADD CONSTRAINT "credit_transactions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_transactions" ADD CONSTRAINT "credit_transactions_reservation_id_fkey" FOREIGN KEY ("reservation_id") REFERENCES "reservations"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Integrity the schema language cannot express.
ALTER TABLE "parking_spots" ADD CONSTRAINT "parking_spots_label_not_blank" CHECK (length(trim("label")) > 0);
CREATE UNIQUE INDEX "parking_spots_owner_label_live_key" ON "parking_spots" ("owner_id", lower("label")) WHERE "deleted_at" IS NULL;

ALTER TABLE "availability_windows" ADD CONSTRAINT "availability_windows_period_valid" CHECK ("ends_at" > "starts_at");
ALTER TABLE "availability_windows" ADD CONSTRAINT "availability_windows_no_overlap"
  EXCLUDE USING gist ("spot_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&);

ALTER TABLE "reservations" ADD CONSTRAINT "reservations_period_valid" CHECK ("ends_at" > "starts_at");
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_cost_non_negative" CHECK ("cost" >= 0);
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_not_own_spot" CHECK ("reserver_id" <> "owner_id");
-- No two live reservations of a spot overlap.
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_spot_no_overlap"
  EXCLUDE USING gist ("spot_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)
  WHERE ("status" IN ('CONFIRMED', 'ACTIVE'));
-- No user holds two overlapping live reservations.
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_reserver_no_overlap"
  EXCLUDE USING gist ("reserver_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&)
  WHERE ("status" IN ('CONFIRMED', 'ACTIVE'));

ALTER TABLE "credit_transactions" ADD CONSTRAINT "credit_transactions_balance_after_non_negative" CHECK ("balance_after" >= 0);
