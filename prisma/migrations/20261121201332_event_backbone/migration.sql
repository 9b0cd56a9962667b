-- AlterTable
ALTER TABLE "outbox_events" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "last_error" TEXT,
ADD COLUMN     "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "parked_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "event_log" (
    "id" BIGSERIAL NOT NULL,
    "topic" TEXT NOT NULL,
    "offset" BIGINT NOT NULL,
    "key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "actor" TEXT,
    "schema_version" INTEGER NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "appended_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outbox_id" BIGINT NOT NULL,

    CONSTRAINT "event_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "topic_offsets" (
    "topic" TEXT NOT NULL,
    "last_offset" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "topic_offsets_pkey" PRIMARY KEY ("topic")
);

-- CreateTable
CREATE TABLE "consumer_offsets" (
    "consumer_group" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "offset" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "consumer_offsets_pkey" PRIMARY KEY ("consumer_group","topic")
);

-- CreateTable
CREATE TABLE "consumer_failures" (
    "id" BIGSERIAL NOT NULL,
    "consumer_group" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "offset" BIGINT NOT NULL,
    "error" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "failed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consumer_failures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" BIGSERIAL NOT NULL,
    "user_id" VARCHAR(16) NOT NULL,
    "event_id" BIGINT NOT NULL,
    "topic" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "event_log_outbox_id_key" ON "event_log"("outbox_id");

-- CreateIndex
CREATE INDEX "event_log_key_idx" ON "event_log"("key");

-- CreateIndex
CREATE UNIQUE INDEX "event_log_topic_offset_key" ON "event_log"("topic", "offset");

-- CreateIndex
CREATE UNIQUE INDEX "consumer_failures_consumer_group_topic_offset_key" ON "consumer_failures"("consumer_group", "topic", "offset");

-- CreateIndex
CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_user_id_event_id_key" ON "notifications"("user_id", "event_id");

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The drainer's claim query: pending rows in order, ready to (re)try.
CREATE INDEX "outbox_events_pending_idx" ON "outbox_events" ("next_attempt_at", "id") WHERE "processed_at" IS NULL AND "parked_at" IS NULL;
ALTER TABLE "event_log" ADD CONSTRAINT "event_log_offset_positive" CHECK ("offset" > 0);
ALTER TABLE "consumer_offsets" ADD CONSTRAINT "consumer_offsets_offset_non_negative" CHECK ("offset" >= 0);
