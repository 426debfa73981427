-- A delivery's body is kept only while it may be sent again (PENDING: every retry sends the same bytes under the
-- same webhook-id) or as the record of what a receiver refused (FAILED, ABANDONED). Once a receiver accepted it, the
-- body is dropped: it is the trail's own content, which the trail keeps, and storing it for every delivered event
-- wrote the whole trail again per subscription (bench/event-lag: docs/events.md#storage-and-the-databases-roles).
-- Rows delivered before this keep their bodies; `UPDATE event_deliveries SET body = NULL WHERE status = 'DELIVERED'`
-- (as the owner, at a quiet hour) reclaims them.
ALTER TABLE event_deliveries ALTER COLUMN body DROP NOT NULL;
ALTER TABLE event_deliveries ADD CONSTRAINT event_deliveries_body_kept CHECK (body IS NOT NULL OR status = 'DELIVERED');
