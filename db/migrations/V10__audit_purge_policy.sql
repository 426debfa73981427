-- The audit trail holds against its own database credentials (issue 14, docs/audit-integrity.md):
--   * purging is a policy the database enforces (retention and legal hold live here), run only by a
--     separate retention role, never by the service's request-path role;
--   * record times come from the database clock and the service's role cannot set them (nor txid, seq);
--   * every record written from here on carries a MAC under the service's key, which the sealer checks;
--   * seals record the purges they cover and the records whose MAC failed, and are signed with Ed25519.
--
-- Placeholders: ${appRole} (request path), ${retentionRole} (purges), ${auditRetention} (initial
-- retention as an ISO-8601 period, or 'forever').

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${retentionRole}') THEN
        CREATE ROLE "${retentionRole}" NOLOGIN;
    END IF;
END $$;

-- Times from the database clock: the service's role may insert the content columns and nothing else.
ALTER TABLE audit_records ALTER COLUMN recorded_at SET DEFAULT clock_timestamp();
ALTER TABLE audit_records ADD COLUMN record_mac text;
REVOKE INSERT ON audit_records FROM "${appRole}";
GRANT INSERT (event_id, kind, occurred_at, actor_subject, actor_name, actor_roles, on_behalf_of, client_ip, user_agent,
    correlation_id, action, http_method, path, account_id, idempotency_key, target_kind, target_id, position, role,
    outcome, error_code, request_summary, http_status, detail, upstream_status, upstream_request_id,
    upstream_attempts, latency_ms, content_hash, record_mac) ON audit_records TO "${appRole}";

-- The policy, in one row. mac_from_txid: records of earlier transactions were written by the previous
-- version, without a MAC; every later one must carry one.
CREATE TABLE audit_policy (
    singleton     boolean  PRIMARY KEY DEFAULT true CHECK (singleton),
    retention     interval,
    mac_from_txid bigint   NOT NULL
);
INSERT INTO audit_policy (retention, mac_from_txid)
VALUES (NULLIF('${auditRetention}', 'forever')::interval, pg_current_xact_id()::text::bigint);
CREATE TRIGGER audit_policy_no_delete BEFORE DELETE ON audit_policy
    FOR EACH ROW EXECUTE FUNCTION audit_reject_change();

-- Changing the retention is the database owner's decision, not the service's (no grant).
CREATE FUNCTION audit_set_retention(keep interval) RETURNS void LANGUAGE sql AS $$
    UPDATE audit_policy SET retention = keep;
$$;
REVOKE EXECUTE ON FUNCTION audit_set_retention(interval) FROM PUBLIC;

-- Legal holds: every change is a row, and only with a committed audit intent naming it. The intent
-- carries a MAC the database cannot make, so a hold lifted by SQL alone leaves a forged record.
CREATE TABLE audit_legal_holds (
    change_id  bigserial   PRIMARY KEY,
    changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    active     boolean     NOT NULL,
    event_id   uuid        NOT NULL,
    reason     text        NOT NULL
);
CREATE TRIGGER audit_legal_holds_append_only BEFORE UPDATE OR DELETE ON audit_legal_holds
    FOR EACH ROW EXECUTE FUNCTION audit_reject_change();
CREATE TRIGGER audit_legal_holds_no_truncate BEFORE TRUNCATE ON audit_legal_holds
    FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change();

CREATE FUNCTION audit_legal_hold_active() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
    SELECT coalesce((SELECT active FROM audit_legal_holds ORDER BY change_id DESC LIMIT 1), false);
$$;

CREATE FUNCTION audit_set_legal_hold(hold boolean, intent_event uuid, why text) RETURNS bigint LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public AS $$
DECLARE
    id bigint;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM audit_records r WHERE r.event_id = intent_event AND r.kind = 'INTENT'
                   AND r.action = 'AUDIT_LEGAL_HOLD') THEN
        RAISE EXCEPTION 'a legal hold changes only with a committed AUDIT_LEGAL_HOLD intent (event %)', intent_event
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO audit_legal_holds (active, event_id, reason) VALUES (hold, intent_event, why) RETURNING change_id INTO id;
    RETURN id;
END $$;

-- What a purge dropped, sealed by the next seal (txid, as for records).
ALTER TABLE audit_purges ADD COLUMN record_count bigint;
ALTER TABLE audit_purges ADD COLUMN last_seal_digest text;
ALTER TABLE audit_purges ADD COLUMN txid bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);

-- Seals: format 1 = HMAC-signed (previous version), 2 = Ed25519-signed, covering purges and naming
-- records whose MAC failed.
ALTER TABLE audit_seals ADD COLUMN format smallint NOT NULL DEFAULT 1;
ALTER TABLE audit_seals ADD COLUMN purges text;
ALTER TABLE audit_seals ADD COLUMN rejected text;

-- A month that is over and was purged never comes back; any other month is (re)created on demand, so
-- no purge can stop the service from recording new actions.
CREATE OR REPLACE FUNCTION audit_ensure_partition(month date) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public AS $$
DECLARE
    first_day date := date_trunc('month', month)::date;
    name text := 'audit_records_' || to_char(first_day, 'YYYY_MM');
    this_month date := date_trunc('month', clock_timestamp() AT TIME ZONE 'UTC')::date;
BEGIN
    IF first_day < this_month AND EXISTS (SELECT 1 FROM audit_purges p WHERE p.month = first_day) THEN
        RAISE EXCEPTION '% was purged by retention and is never created again', name;
    END IF;
    IF to_regclass(name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF audit_records FOR VALUES FROM (%L) TO (%L)',
            name, first_day, (first_day + interval '1 month')::date);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change()',
            name || '_no_truncate', name);
    END IF;
END $$;

-- Months the policy lets go now: over, ended longer ago than the retention, no legal hold.
CREATE FUNCTION audit_expired_months() RETURNS SETOF date LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
    SELECT to_date(substr(c.relname, 15), 'YYYY_MM')
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid, audit_policy p
    WHERE i.inhparent = 'audit_records'::regclass AND p.retention IS NOT NULL AND NOT audit_legal_hold_active()
      AND to_date(substr(c.relname, 15), 'YYYY_MM') + interval '1 month' <= (clock_timestamp() AT TIME ZONE 'UTC') - p.retention
    ORDER BY 1;
$$;

-- The one way records leave, as policy: a whole month that is over, ended longer ago than the
-- retention kept here, not under legal hold, and fully sealed. Whoever calls it, superuser included.
DROP FUNCTION audit_purge_month(date);
CREATE FUNCTION audit_purge_month(month date, OUT records bigint, OUT seal_id bigint, OUT seal_digest text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    first_day date := date_trunc('month', month)::date;
    name text := 'audit_records_' || to_char(first_day, 'YYYY_MM');
    keep interval;
    sealed_to bigint;
    unsealed bigint;
BEGIN
    IF first_day + interval '1 month' > date_trunc('month', clock_timestamp() AT TIME ZONE 'UTC') THEN
        RAISE EXCEPTION '% is not over; only ended months can be purged', name USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT p.retention INTO keep FROM audit_policy p;
    IF keep IS NULL THEN
        RAISE EXCEPTION 'the retention policy keeps the trail forever; % cannot be purged', name
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF first_day + interval '1 month' > (clock_timestamp() AT TIME ZONE 'UTC') - keep THEN
        RAISE EXCEPTION '% ended less than % ago (the retention)', name, keep USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF audit_legal_hold_active() THEN
        RAISE EXCEPTION 'the audit trail is under legal hold; % cannot be purged', name USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF to_regclass(name) IS NULL THEN
        RAISE EXCEPTION '% does not exist', name;
    END IF;
    SELECT s.seal_id, s.txid_to, s.digest INTO seal_id, sealed_to, seal_digest FROM audit_seals s ORDER BY s.seal_id DESC LIMIT 1;
    IF seal_id IS NULL THEN
        RAISE EXCEPTION 'nothing is sealed yet; % cannot be purged', name;
    END IF;
    EXECUTE format('SELECT count(*) FROM %I WHERE txid >= %s', name, sealed_to) INTO unsealed;
    IF unsealed > 0 THEN
        RAISE EXCEPTION '% has % records not yet sealed', name, unsealed;
    END IF;
    EXECUTE format('SELECT count(*) FROM %I', name) INTO records;
    INSERT INTO audit_purges (month, purged_at, last_seal_id, record_count, last_seal_digest)
    VALUES (first_day, clock_timestamp(), seal_id, records, seal_digest);
    EXECUTE format('ALTER TABLE audit_records DETACH PARTITION %I', name);
    EXECUTE format('DROP TABLE %I', name);
END $$;

REVOKE EXECUTE ON FUNCTION audit_purge_month(date), audit_expired_months(), audit_set_legal_hold(boolean, uuid, text),
    audit_legal_hold_active() FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO "${retentionRole}";
GRANT EXECUTE ON FUNCTION audit_purge_month(date), audit_expired_months() TO "${retentionRole}";
GRANT EXECUTE ON FUNCTION audit_set_legal_hold(boolean, uuid, text), audit_legal_hold_active() TO "${appRole}";
GRANT SELECT ON audit_policy, audit_legal_holds TO "${appRole}", "${retentionRole}";
