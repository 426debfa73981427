-- Long-running AMC operations the facade follows on its own (issue 24): an instance create or delete, an
-- advertiser update. One row per operation; a replica leases a due row (FOR UPDATE SKIP LOCKED, an expiry so
-- a dead replica's lease lapses), asks AMC, and moves the row on. Every transition is also a sealed system
-- action in the audit trail whose id is derived from the operation and the status, so a transition recorded
-- before a crash is not recorded twice after it.
CREATE TABLE instance_operations (
    operation_id      uuid PRIMARY KEY,
    kind              text        NOT NULL CHECK (kind IN ('INSTANCE_CREATE', 'INSTANCE_DELETE', 'ADVERTISER_UPDATE')),
    state             text        NOT NULL CHECK (state IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT')),
    account_id        text        NOT NULL,
    instance_id       text,
    update_id         bigint,
    -- What AMC was asked, as sent (a create's body, an update's advertisers): a lost answer is resolved with it.
    request           text        NOT NULL,
    -- A create's AMC idempotencyToken, derived from the caller and their Idempotency-Key.
    idempotency_token text,
    amc_status        text,
    progress          integer     NOT NULL DEFAULT 0,
    result            text,
    problem           text,
    started_event_id  uuid        NOT NULL,
    started_by        text        NOT NULL,
    on_behalf_of      text,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    finished_at       timestamptz,
    deadline          timestamptz NOT NULL,
    next_check_at     timestamptz NOT NULL,
    checks            integer     NOT NULL DEFAULT 0,
    lease_owner       text,
    lease_until       timestamptz
);

CREATE INDEX instance_operations_due ON instance_operations (next_check_at) WHERE state = 'RUNNING';
CREATE INDEX instance_operations_open ON instance_operations (account_id, instance_id) WHERE state = 'RUNNING';

-- Instances AMC refused a write to because they were made through its instant self-service access. AMC's
-- instance answer carries no such mark; the facade learns it from the first refusal and refuses later writes
-- itself, before AMC is asked.
CREATE TABLE instant_access_instances (
    account_id  text        NOT NULL,
    instance_id text        NOT NULL,
    learned_at  timestamptz NOT NULL,
    PRIMARY KEY (account_id, instance_id)
);

GRANT SELECT, INSERT, UPDATE ON instance_operations TO "${appRole}";
GRANT SELECT, INSERT ON instant_access_instances TO "${appRole}";
