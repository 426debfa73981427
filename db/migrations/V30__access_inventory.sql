-- The access inventory (issue 16): what the reconciler observed of every AMC account, stored as changes.
-- A grant row is one period in which a user held one role on one account; an unchanged snapshot writes
-- nothing but the account's observed_at. The tables are Panache entities (docs/decisions/0015).

CREATE TABLE access_accounts (
    account_id            text        PRIMARY KEY,
    baseline_at           timestamptz NOT NULL,
    observed_at           timestamptz NOT NULL,
    last_pass_started_at  timestamptz,
    last_pass_millis      bigint,
    last_pass_calls       integer,
    last_pass_changes     integer,
    last_pass_replica     text
);

CREATE TABLE access_grants (
    id                bigserial   PRIMARY KEY,
    account_id        text        NOT NULL REFERENCES access_accounts (account_id),
    user_id           text        NOT NULL,
    email_address     text,
    role              text        NOT NULL,
    valid_from        timestamptz NOT NULL,
    valid_to          timestamptz,
    granted_via       text        NOT NULL CHECK (granted_via IN ('facade', 'out-of-band', 'baseline')),
    granted_event_id  uuid,
    granted_by        text,
    ended_via         text        CHECK (ended_via IN ('facade', 'out-of-band')),
    ended_event_id    uuid,
    ended_by          text,
    -- When the role was last read from AMC: the rolling role sweep takes the oldest first.
    role_checked_at   timestamptz NOT NULL
);
-- One open period per user and account: two replicas can never both open one.
CREATE UNIQUE INDEX access_grants_open ON access_grants (account_id, user_id) WHERE valid_to IS NULL;
CREATE INDEX access_grants_user ON access_grants (account_id, user_id, valid_from);
CREATE INDEX access_grants_as_of ON access_grants (valid_from, valid_to);
CREATE INDEX access_grants_sweep ON access_grants (role_checked_at) WHERE valid_to IS NULL;

CREATE TABLE access_invitations (
    id                bigserial   PRIMARY KEY,
    account_id        text        NOT NULL REFERENCES access_accounts (account_id),
    invitation_id     text        NOT NULL,
    email_address     text,
    role              text,
    state             text        NOT NULL,
    valid_from        timestamptz NOT NULL,
    valid_to          timestamptz,
    changed_via       text        NOT NULL CHECK (changed_via IN ('facade', 'out-of-band', 'baseline', 'amc')),
    event_id          uuid
);
CREATE UNIQUE INDEX access_invitations_open ON access_invitations (account_id, invitation_id) WHERE valid_to IS NULL;

-- One row per reconciliation of one account by one replica (the proof that two never overlap, and the
-- operators' view of cost); kept for amc.access.pass-log-retention.
CREATE TABLE access_passes (
    id           bigserial   PRIMARY KEY,
    account_id   text        NOT NULL,
    replica      text        NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('LIST', 'ROLES')),
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz NOT NULL,
    amc_calls    integer     NOT NULL,
    changes      integer     NOT NULL,
    outcome      text        NOT NULL
);
CREATE INDEX access_passes_account ON access_passes (account_id, started_at);
CREATE INDEX access_passes_age ON access_passes (started_at);

GRANT SELECT, INSERT, UPDATE ON access_accounts, access_grants, access_invitations TO "${appRole}";
GRANT SELECT, INSERT, DELETE ON access_passes TO "${appRole}";
GRANT USAGE, SELECT ON SEQUENCE access_grants_id_seq, access_invitations_id_seq, access_passes_id_seq TO "${appRole}";
