-- How each grant is held (issue 25): directly on the AMC account, or through a manager account the account is
-- linked to. One period per way in: a user who holds both a direct grant and access through manager account X
-- has two open periods, each opened and ended on its own (docs/access.md). Every existing period was read from
-- the direct listing, so it is 'direct'. For a manager-account period, `role` is the user's role there.
ALTER TABLE access_grants
    ADD COLUMN held_via           text NOT NULL DEFAULT 'direct' CHECK (held_via IN ('direct', 'manager-account')),
    ADD COLUMN manager_account_id text,
    ADD CONSTRAINT access_grants_held_via_manager CHECK ((held_via = 'manager-account') = (manager_account_id IS NOT NULL));
ALTER TABLE access_grants ALTER COLUMN held_via DROP DEFAULT;

-- One open period per user, account and way in (was: per user and account).
DROP INDEX access_grants_open;
CREATE UNIQUE INDEX access_grants_open ON access_grants (account_id, user_id, held_via, coalesce(manager_account_id, ''))
    WHERE valid_to IS NULL;

-- The manager accounts an account was linked to when last listed (space-separated, sorted; null before the first
-- listing that answered): a change makes the next pass read every indirect user's permissions again.
ALTER TABLE access_accounts ADD COLUMN manager_account_links text;
-- When the account's access through manager accounts was first listed: null for every account observed before V90,
-- so the access already held that way when the facade first looks is baseline, not a flood of out-of-band changes.
ALTER TABLE access_accounts ADD COLUMN indirect_observed_at timestamptz;

-- With the app role's credentials, a period's origin (who, how, when, through which manager account) is no longer
-- rewritable: the reconciler only ever ends a period and stamps when its role was read, so UPDATE is narrowed to
-- those columns (GrantPeriod is @DynamicUpdate). Rows are still never deleted by the app role.
REVOKE UPDATE ON access_grants FROM "${appRole}";
GRANT UPDATE (valid_to, ended_via, ended_event_id, ended_by, role_checked_at) ON access_grants TO "${appRole}";
