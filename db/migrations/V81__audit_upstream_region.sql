-- The Amazon Ads region whose host an action's AMC calls went to (issue 25: na, eu or fe), on its outcome record
-- beside the upstream status and request id. Null on actions that called no AMC and on records made before this
-- migration. Inside the record's content hash and MAC when set (docs/audit-integrity.md): the canonical form gains
-- the field only for records that carry it, so every record written before keeps its hash and verifies as it did.
ALTER TABLE audit_records ADD COLUMN upstream_region text;

-- The request-path role inserts named columns only (V10); it may write this one too.
-- Placeholder: ${appRole} (request path).
GRANT INSERT (upstream_region) ON audit_records TO "${appRole}";
