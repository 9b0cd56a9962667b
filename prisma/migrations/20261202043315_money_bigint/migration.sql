-- Sums of money that grow with time (total price, late fee) are 64-bit: a late fee
-- of days times a high daily price passes 2^31 cents. The price CHECK multiplies in
-- BIGINT too, or the product overflows before it is compared.
ALTER TABLE "rentals" DROP CONSTRAINT "rentals_prices_check";

-- AlterTable
ALTER TABLE "rentals" ALTER COLUMN "total_price_cents" SET DATA TYPE BIGINT,
ALTER COLUMN "late_fee_cents" SET DATA TYPE BIGINT;

ALTER TABLE "rentals" ADD CONSTRAINT "rentals_prices_check" CHECK (
    "daily_price_cents" > 0
    AND "total_price_cents" = ("end_date" - "start_date")::bigint * "daily_price_cents"
    AND "late_days" >= 0
    AND "late_fee_cents" = "late_days"::bigint * "daily_price_cents"
);
