-- Wakes the event pipeline when outbox rows commit: one notification per inserting statement, delivered at the
-- commit (and merged with the transaction's others), on the channel lib/events/outbox-wakeup.ts listens to.
-- The body's semicolons are written \073: the driver adapter that applies migrations splits scripts at every
-- semicolon, dollar quotes included (@prisma/adapter-pg executeScript).
CREATE FUNCTION "outbox_events_notify"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN PERFORM pg_notify(''outbox_events'', '''')\073 RETURN NULL\073 END';

CREATE TRIGGER "outbox_events_notify" AFTER INSERT ON "outbox_events" FOR EACH STATEMENT EXECUTE FUNCTION "outbox_events_notify"();
