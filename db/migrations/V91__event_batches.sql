-- Batches (issue 26): a subscription may take up to max_events_per_request events in one request (CloudEvents'
-- batched mode, an OCSF array, stacked Splunk HEC events), signed as one Standard Webhooks message. 1, the default
-- and every existing subscription's value, keeps one event per request. A batch is stored as one delivery: event_id
-- is its first event, last_event_id its last (null for the one-event form), event_count how many it carries, and
-- seal_id/seq the position of its last event (the subscription's position once it is accepted).
ALTER TABLE event_subscriptions
    ADD COLUMN max_events_per_request integer NOT NULL DEFAULT 1
        CHECK (max_events_per_request BETWEEN 1 AND 100);
ALTER TABLE event_deliveries
    ADD COLUMN event_count integer NOT NULL DEFAULT 1 CHECK (event_count BETWEEN 1 AND 100),
    ADD COLUMN last_event_id uuid,
    ADD CONSTRAINT event_deliveries_batch_shape CHECK (last_event_id IS NOT NULL OR event_count = 1);
