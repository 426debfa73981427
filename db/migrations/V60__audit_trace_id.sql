-- The OpenTelemetry trace id of the request that made an action (issue 27), on its intent record, so an auditor
-- can hand operators the trace of what the action did. Nullable: tracing is off by default, and system actions
-- and records made before this migration have none.
--
-- Outside the record's content hash and MAC (docs/audit-integrity.md): it is a pointer into the operators'
-- tracing backend, not evidence. The trail stays append-only (no UPDATE for any role), so it cannot be changed
-- after the insert; whoever can insert records could also insert a wrong one, which no seal would notice.
ALTER TABLE audit_records ADD COLUMN trace_id text;

-- The request-path role inserts named columns only (V10); it may write this one too.
-- Placeholder: ${appRole} (request path).
GRANT INSERT (trace_id) ON audit_records TO "${appRole}";
