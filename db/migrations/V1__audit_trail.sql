-- The audit trail: one append-only table of records, partitioned by month, hashed row by row and
-- sealed into signed checkpoints (see docs/audit-integrity.md).
--
-- An audited action is several records sharing an event_id: INTENT (who asked for what, committed
-- before the facade acts), DETAILS (the redacted request summary), TARGET (one per person or thing
-- touched, with its own result when known) and OUTCOME (appended once the answer is decided).
--
-- Placeholder ${appRole}: the role the service connects as. It may INSERT and SELECT audit records,
-- nothing else; a trigger refuses UPDATE, DELETE and TRUNCATE even to the owner.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRole}') THEN
        CREATE ROLE "${appRole}" NOLOGIN;
    END IF;
END $$;

CREATE SEQUENCE audit_seq;

CREATE TABLE audit_records (
    seq                 bigint      NOT NULL DEFAULT nextval('audit_seq'),
    -- The inserting transaction: seals cover ranges of finished transactions, so a record that
    -- commits late can never fall between two seals.
    txid                bigint      NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
    recorded_at         timestamptz NOT NULL,
    event_id            uuid        NOT NULL,
    kind                text        NOT NULL CHECK (kind IN ('INTENT', 'DETAILS', 'TARGET', 'OUTCOME')),
    occurred_at         timestamptz,
    actor_subject       text,
    actor_name          text,
    actor_roles         text,
    on_behalf_of        text,
    client_ip           text,
    user_agent          text,
    correlation_id      text,
    action              text,
    http_method         text,
    path                text,
    account_id          text,
    idempotency_key     text,
    target_kind         text,
    target_id           text,
    position            integer,
    role                text,
    outcome             text,
    error_code          text,
    request_summary     text,
    http_status         integer,
    detail              text,
    upstream_status     integer,
    upstream_request_id text,
    upstream_attempts   integer,
    latency_ms          bigint,
    content_hash        text        NOT NULL,
    PRIMARY KEY (recorded_at, seq)
) PARTITION BY RANGE (recorded_at);

-- Pages are newest first on (recorded_at, seq); every filter has an index ending in that order.
CREATE INDEX audit_intents_time ON audit_records (recorded_at DESC, seq DESC) WHERE kind = 'INTENT';
CREATE INDEX audit_intents_actor ON audit_records (actor_subject, recorded_at DESC, seq DESC) WHERE kind = 'INTENT';
CREATE INDEX audit_intents_account ON audit_records (account_id, recorded_at DESC, seq DESC) WHERE kind = 'INTENT';
CREATE INDEX audit_intents_action ON audit_records (action, recorded_at DESC, seq DESC) WHERE kind = 'INTENT';
CREATE INDEX audit_intents_on_behalf ON audit_records (on_behalf_of, recorded_at DESC, seq DESC) WHERE kind = 'INTENT';
CREATE INDEX audit_targets_id ON audit_records (target_id, recorded_at DESC) WHERE kind = 'TARGET';
CREATE INDEX audit_records_event ON audit_records (event_id);
CREATE INDEX audit_records_txid ON audit_records (txid, seq);

-- Signed checkpoints. Seal n covers every record whose txid is in [txid_from, txid_to); parts hold
-- one digest per month, so a month dropped by retention leaves the other months provable.
CREATE TABLE audit_seals (
    seal_id         bigint      PRIMARY KEY,
    sealed_at       timestamptz NOT NULL,
    txid_from       bigint      NOT NULL,
    txid_to         bigint      NOT NULL,
    row_count       integer     NOT NULL,
    parts           text        NOT NULL,
    previous_digest text        NOT NULL,
    digest          text        NOT NULL,
    key_id          text        NOT NULL,
    signature       text        NOT NULL
);

-- Partitions that retention dropped, with the seal they were checked against.
CREATE TABLE audit_purges (
    month        date        PRIMARY KEY,
    purged_at    timestamptz NOT NULL,
    last_seal_id bigint      NOT NULL
);

CREATE FUNCTION audit_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON audit_records
    FOR EACH ROW EXECUTE FUNCTION audit_reject_change();
CREATE TRIGGER audit_seals_append_only BEFORE UPDATE OR DELETE ON audit_seals
    FOR EACH ROW EXECUTE FUNCTION audit_reject_change();
CREATE TRIGGER audit_purges_append_only BEFORE UPDATE OR DELETE ON audit_purges
    FOR EACH ROW EXECUTE FUNCTION audit_reject_change();
CREATE TRIGGER audit_seals_no_truncate BEFORE TRUNCATE ON audit_seals
    FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change();
CREATE TRIGGER audit_purges_no_truncate BEFORE TRUNCATE ON audit_purges
    FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change();

-- Creates the partition of one month (and its TRUNCATE guard); run by the service ahead of time.
CREATE FUNCTION audit_ensure_partition(month date) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public AS $$
DECLARE
    first_day date := date_trunc('month', month)::date;
    name text := 'audit_records_' || to_char(first_day, 'YYYY_MM');
BEGIN
    IF EXISTS (SELECT 1 FROM audit_purges p WHERE p.month = first_day) THEN
        RAISE EXCEPTION '% was purged by retention and is never created again', name;
    END IF;
    IF to_regclass(name) IS NULL THEN
        EXECUTE format('CREATE TABLE %I PARTITION OF audit_records FOR VALUES FROM (%L) TO (%L)',
            name, first_day, (first_day + interval '1 month')::date);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change()',
            name || '_no_truncate', name);
    END IF;
END $$;

-- The one way records leave: a whole month, only once every record in it is sealed. The service
-- records a RETENTION_PURGE action around the call.
CREATE FUNCTION audit_purge_month(month date) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public AS $$
DECLARE
    first_day date := date_trunc('month', month)::date;
    name text := 'audit_records_' || to_char(first_day, 'YYYY_MM');
    sealed_to bigint;
    last_seal bigint;
    unsealed bigint;
BEGIN
    SELECT seal_id, txid_to INTO last_seal, sealed_to FROM audit_seals ORDER BY seal_id DESC LIMIT 1;
    IF last_seal IS NULL THEN
        RAISE EXCEPTION 'nothing is sealed yet; % cannot be purged', name;
    END IF;
    EXECUTE format('SELECT count(*) FROM %I WHERE txid >= %s', name, sealed_to) INTO unsealed;
    IF unsealed > 0 THEN
        RAISE EXCEPTION '% has % records not yet sealed', name, unsealed;
    END IF;
    INSERT INTO audit_purges (month, purged_at, last_seal_id) VALUES (first_day, now(), last_seal);
    EXECUTE format('ALTER TABLE audit_records DETACH PARTITION %I', name);
    EXECUTE format('DROP TABLE %I', name);
    RETURN last_seal;
END $$;

SELECT audit_ensure_partition((date_trunc('month', now()) + (n || ' month')::interval)::date)
FROM generate_series(-1, 3) AS n;

-- Idempotency keys, shared by every replica. Scoped per caller: one caller cannot replay another's answer.
CREATE TABLE idempotency_keys (
    caller          text        NOT NULL,
    idempotency_key text        NOT NULL,
    operation       text        NOT NULL,
    request_hash    text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('IN_FLIGHT', 'COMPLETED')),
    response_status integer,
    response_body   text,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);

GRANT USAGE ON SCHEMA public TO "${appRole}";
GRANT SELECT, INSERT ON audit_records, audit_seals TO "${appRole}";
GRANT SELECT ON audit_purges TO "${appRole}";
GRANT USAGE, SELECT ON SEQUENCE audit_seq TO "${appRole}";
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO "${appRole}";
GRANT EXECUTE ON FUNCTION audit_ensure_partition(date), audit_purge_month(date) TO "${appRole}";
REVOKE EXECUTE ON FUNCTION audit_ensure_partition(date), audit_purge_month(date) FROM PUBLIC;
