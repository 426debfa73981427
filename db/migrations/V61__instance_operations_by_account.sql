-- The console lists an account's operations, and one instance's, newest first (issue 24): an index in that
-- order, so a page reads the account's newest rows instead of sorting every operation the table has collected.
CREATE INDEX instance_operations_by_account ON instance_operations (account_id, created_at DESC);
