-- Which Amazon Ads region each AMC account was listed in (issue 25): the facade sends an account's calls to the
-- host that listed it. Every replica keeps the mapping in memory; this table lets replicas share what one of them
-- learned and keeps it across restarts, so an account is looked up in every region once, not once per replica
-- and start. Name and marketplace come along, so a region that is down can still be shown with its accounts.
-- The app role inserts and updates (an account listed elsewhere later moves); it never deletes.
CREATE TABLE account_regions (
    account_id     text        PRIMARY KEY,
    region         text        NOT NULL CHECK (region IN ('na', 'eu', 'fe')),
    account_name   text,
    marketplace_id text,
    learned_at     timestamptz NOT NULL
);

-- Placeholder: ${appRole} (request path).
GRANT SELECT, INSERT, UPDATE ON account_regions TO "${appRole}";
