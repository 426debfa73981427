-- The audit trail. An action is two append-only rows: the intent, committed before the facade acts,
-- and the outcome, appended afterwards. An intent without an outcome reads as PENDING (the process
-- died or the call never reported back).

CREATE TABLE audit_events (
    seq             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        uuid        NOT NULL UNIQUE,
    occurred_at     timestamptz NOT NULL,
    actor_subject   text,
    actor_name      text,
    actor_roles     text[]      NOT NULL DEFAULT '{}',
    on_behalf_of    text,
    client_ip       text,
    user_agent      text,
    correlation_id  text        NOT NULL,
    action          text        NOT NULL,
    http_method     text        NOT NULL,
    path            text        NOT NULL,
    account_id      text,
    target_id       text
);

CREATE TABLE audit_outcomes (
    event_id            uuid        PRIMARY KEY REFERENCES audit_events (event_id),
    completed_at        timestamptz NOT NULL,
    outcome             text        NOT NULL CHECK (outcome IN ('SUCCEEDED', 'FAILED', 'DENIED', 'REJECTED', 'UNKNOWN')),
    http_status         integer     NOT NULL,
    error_code          text,
    detail              text,
    upstream_status     integer,
    upstream_request_id text,
    upstream_attempts   integer     NOT NULL DEFAULT 0,
    latency_ms          bigint      NOT NULL
);

-- Newest first within each filter: every index ends in seq so a page is an index range scan.
CREATE INDEX audit_events_action_seq ON audit_events (action, seq DESC);
CREATE INDEX audit_events_actor_seq ON audit_events (actor_subject, seq DESC);
CREATE INDEX audit_events_account_seq ON audit_events (account_id, seq DESC) WHERE account_id IS NOT NULL;
CREATE INDEX audit_events_target_seq ON audit_events (target_id, seq DESC) WHERE target_id IS NOT NULL;
CREATE INDEX audit_outcomes_outcome ON audit_outcomes (outcome);

CREATE VIEW audit_trail AS
SELECT e.seq, e.event_id, e.occurred_at, e.actor_subject, e.actor_name, e.actor_roles, e.on_behalf_of,
       e.client_ip, e.user_agent, e.correlation_id, e.action, e.http_method, e.path, e.account_id, e.target_id,
       COALESCE(o.outcome, 'PENDING') AS outcome, o.completed_at, o.http_status, o.error_code, o.detail,
       o.upstream_status, o.upstream_request_id, o.upstream_attempts, o.latency_ms
FROM audit_events e
LEFT JOIN audit_outcomes o ON o.event_id = e.event_id;
