-- A customer holds at most one open (pending or approved) request per vehicle for any
-- given day. Requests that already break this are withdrawn first: a pending request is
-- cancelled when an approved request, or an older open one, of the same customer for the
-- same vehicle overlaps it (approved rentals of one vehicle never overlap each other).
-- Each withdrawal gets its status history entry.
WITH "duplicates" AS (
  SELECT "r"."id" FROM "rentals" "r"
  WHERE "r"."status" = 'PENDING' AND "r"."customer_id" IS NOT NULL AND EXISTS (
    SELECT 1 FROM "rentals" "o"
    WHERE "o"."id" <> "r"."id"
      AND "o"."customer_id" = "r"."customer_id"
      AND "o"."vehicle_id" = "r"."vehicle_id"
      AND "o"."status" IN ('PENDING', 'APPROVED')
      AND daterange("o"."start_date", "o"."end_date", '[)') && daterange("r"."start_date", "r"."end_date", '[)')
      AND ("o"."status" = 'APPROVED' OR ("o"."created_at", "o"."id") < ("r"."created_at", "r"."id"))
  )
), "withdrawn" AS (
  UPDATE "rentals" SET "status" = 'CANCELLED', "updated_at" = now()
  WHERE "id" IN (SELECT "id" FROM "duplicates")
  RETURNING "id"
)
INSERT INTO "rental_status_changes" ("rental_id", "from_status", "to_status", "actor_id", "actor_name", "note")
SELECT "id", 'PENDING'::"RentalStatus", 'CANCELLED'::"RentalStatus", NULL, 'Wheelhouse',
       'Withdrawn on upgrade: a duplicate of an open request for the same vehicle and days'
FROM "withdrawn";

-- Race-proof in the database: a second open request of one customer for the same vehicle
-- and overlapping days raises SQLSTATE 23P01, which the service turns into a 409.
ALTER TABLE "rentals" ADD CONSTRAINT "rentals_customer_no_duplicate_requests"
    EXCLUDE USING gist ("customer_id" WITH =, "vehicle_id" WITH =, daterange("start_date", "end_date", '[)') WITH &&)
    WHERE ("status" IN ('PENDING', 'APPROVED'));
