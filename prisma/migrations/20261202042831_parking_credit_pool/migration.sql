-- CreateTable
CREATE TABLE "parking_credit_pool" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "balance" INTEGER NOT NULL DEFAULT 0,
    "departed_customers" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "parking_credit_pool_pkey" PRIMARY KEY ("id")
);


-- One row, never negative, created here so every deletion only updates it.
ALTER TABLE "parking_credit_pool" ADD CONSTRAINT "parking_credit_pool_single_row" CHECK ("id" = 1);
ALTER TABLE "parking_credit_pool" ADD CONSTRAINT "parking_credit_pool_non_negative" CHECK ("balance" >= 0 AND "departed_customers" >= 0);
INSERT INTO "parking_credit_pool" ("id", "balance", "departed_customers") VALUES (1, 0, 0);
