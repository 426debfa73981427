-- Event delivery from the sealed trail (issue 26): subscriptions with their position in the sealed trail and a
-- lease (one replica delivers a subscription at a time; a dead replica's lease lapses), and every delivery with
-- its attempts. Secrets (the whsec_ HMAC key, a Splunk HEC token) are stored encrypted under a key derived from
-- the service's secret, which the database never sees: the app role's credentials alone do not reveal them.
-- The app role may insert and update, never delete: a subscription is deleted by its state, and its deliveries
-- stay as the record of what was sent.
CREATE TABLE event_subscriptions (
    subscription_id   uuid PRIMARY KEY,
    endpoint          text        NOT NULL,
    format            text        NOT NULL CHECK (format IN ('cloudevents', 'ocsf', 'splunk-hec')),
    signing           text        NOT NULL CHECK (signing IN ('hmac', 'ed25519')),
    secret_sealed     text,
    splunk_token_sealed text,
    splunk_index      text,
    description       text,
    filter_actions    text[]      NOT NULL DEFAULT '{}',
    filter_accounts   text[]      NOT NULL DEFAULT '{}',
    filter_outcomes   text[]      NOT NULL DEFAULT '{}',
    state             text        NOT NULL CHECK (state IN ('ACTIVE', 'PAUSED', 'DISABLED', 'DELETED')),
    state_reason      text,
    -- The position in the sealed trail: everything up to the outcome cursor_seq of seal cursor_seal is delivered.
    cursor_seal       bigint      NOT NULL,
    cursor_seq        bigint      NOT NULL,
    created_at        timestamptz NOT NULL,
    created_by        text        NOT NULL,
    updated_at        timestamptz NOT NULL,
    last_delivered_at timestamptz,
    lag_ms            bigint,
    next_attempt_at   timestamptz NOT NULL,
    lease_owner       text,
    lease_until       timestamptz
);

CREATE INDEX event_subscriptions_due ON event_subscriptions (next_attempt_at) WHERE state = 'ACTIVE';

CREATE TABLE event_deliveries (
    delivery_id       bigserial PRIMARY KEY,
    subscription_id   uuid        NOT NULL REFERENCES event_subscriptions (subscription_id),
    webhook_id        text        NOT NULL,
    event_id          uuid        NOT NULL,
    type              text        NOT NULL,
    seal_id           bigint      NOT NULL,
    seq               bigint      NOT NULL,
    -- The body as first sent: every attempt sends the same bytes under the same webhook-id.
    body              text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'ABANDONED')),
    attempts          integer     NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL,
    first_attempt_at  timestamptz,
    last_attempt_at   timestamptz,
    next_attempt_at   timestamptz,
    last_status       integer,
    last_error        text,
    latency_ms        bigint,
    delivered_at      timestamptz
);

CREATE INDEX event_deliveries_newest ON event_deliveries (subscription_id, delivery_id DESC);
CREATE INDEX event_deliveries_open ON event_deliveries (subscription_id, delivery_id) WHERE status = 'PENDING';

GRANT SELECT, INSERT, UPDATE ON event_subscriptions, event_deliveries TO "${appRole}";
GRANT USAGE, SELECT ON SEQUENCE event_deliveries_delivery_id_seq TO "${appRole}";
