-- Who and what an action touched, one row each, so "who invited bob@example.com" is one indexed
-- lookup. Intent targets are written before the upstream call; targets learnt from the answer
-- (e.g. the invitation ids AMC assigned) and per-target results are appended with the outcome.
ALTER TABLE audit_events ADD COLUMN idempotency_key text;

-- The redacted request summary is known only once the body is read, after the intent row is
-- committed; it is appended beside it (never an UPDATE of the intent).
CREATE TABLE audit_event_details (
    event_id        uuid PRIMARY KEY REFERENCES audit_events (event_id),
    request_summary text NOT NULL
);

ALTER TABLE audit_outcomes DROP CONSTRAINT audit_outcomes_outcome_check;
ALTER TABLE audit_outcomes ADD CONSTRAINT audit_outcomes_outcome_check
    CHECK (outcome IN ('SUCCEEDED', 'PARTIAL', 'FAILED', 'DENIED', 'REJECTED', 'UNKNOWN'));

CREATE TABLE audit_targets (
    id          bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    uuid    NOT NULL REFERENCES audit_events (event_id),
    phase       text    NOT NULL CHECK (phase IN ('INTENT', 'OUTCOME')),
    position    integer NOT NULL,
    kind        text    NOT NULL,
    target_id   text    NOT NULL,
    role        text,
    outcome     text,
    error_code  text
);
CREATE INDEX audit_targets_target ON audit_targets (target_id, event_id);
CREATE INDEX audit_targets_event ON audit_targets (event_id);

DROP VIEW audit_trail;
CREATE VIEW audit_trail AS
SELECT e.seq, e.event_id, e.occurred_at, e.actor_subject, e.actor_name, e.actor_roles, e.on_behalf_of,
       e.client_ip, e.user_agent, e.correlation_id, e.action, e.http_method, e.path, e.account_id, e.target_id,
       e.idempotency_key, d.request_summary,
       COALESCE(o.outcome, 'PENDING') AS outcome, o.completed_at, o.http_status, o.error_code, o.detail,
       o.upstream_status, o.upstream_request_id, o.upstream_attempts, o.latency_ms
FROM audit_events e
LEFT JOIN audit_event_details d ON d.event_id = e.event_id
LEFT JOIN audit_outcomes o ON o.event_id = e.event_id;

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
