-- The audit event of the request that first answered with a key, so a replay is recorded as a
-- replay of that action, with its outcome (issue 15). Keys stored before have none: their replays
-- are still marked as replays, without the link.
ALTER TABLE idempotency_keys ADD COLUMN original_event_id uuid;
