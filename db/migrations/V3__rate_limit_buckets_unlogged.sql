-- Bucket state changes on every request (twice: the caller's bucket and the AMC budget's), and a
-- transaction that touches only unlogged tables commits without waiting for a WAL flush. Losing the
-- table costs little: PostgreSQL empties an unlogged table after a crash (not after a clean restart)
-- and a promoted standby starts with it empty; Bucket4j then recreates every bucket full on first
-- use, so the fleet may spend one extra burst of each limit once. docs/decisions/0008.
ALTER TABLE rate_limit_bucket SET UNLOGGED;
