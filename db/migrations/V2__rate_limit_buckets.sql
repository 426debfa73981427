-- Token buckets of the rate limits, shared by every replica (Bucket4j's PostgreSQL "select for update"
-- proxy manager): the outbound AMC budget per operation group ("amc-upstream:<group>") and each
-- caller's inbound limit ("caller:<subject>"). A row is one bucket's serialized state; Bucket4j locks
-- it with SELECT ... FOR UPDATE, so concurrent replicas take tokens one after the other.
CREATE TABLE rate_limit_bucket (
    id    text PRIMARY KEY,
    state bytea
);

COMMENT ON TABLE rate_limit_bucket IS 'Rate-limit token buckets shared by all replicas (Bucket4j state).';

-- The service creates buckets on first use and updates them on every request; it never deletes them.
GRANT SELECT, INSERT, UPDATE ON rate_limit_bucket TO "${appRole}";
