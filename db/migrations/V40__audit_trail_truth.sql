-- The trail tells the truth where it is read (issue 23), against the service's own role:
--   * seals go in only through audit_insert_seal, which checks continuity with the newest seal, so the
--     request-path role can no longer write a seal that jumps ahead (txid_to = 2^62) or leaves a gap;
--     the sealer itself checks the newest seal's digest and signature before chaining on it;
--   * readers find the seal covering a record by its txid (index below), not by scanning every seal;
--   * a legal-hold change is bound to one AUDIT_LEGAL_HOLD intent, the value its details asked for, and
--     one use; each change records its transaction, like purges, so the verifier can put it in a seal.
--
-- Placeholder: ${appRole} (request path).

-- Readers look up "the first seal whose txid_to is above this record's txid". One row per seal
-- interval, written off the request path: the index costs the sealer one btree insert per seal.
CREATE INDEX audit_seals_txid_to ON audit_seals (txid_to);

CREATE FUNCTION audit_insert_seal(p_seal_id bigint, p_sealed_at timestamptz, p_txid_from bigint, p_txid_to bigint,
    p_row_count integer, p_parts text, p_previous_digest text, p_digest text, p_key_id text, p_signature text,
    p_format smallint, p_purges text, p_rejected text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public AS $$
DECLARE
    newest audit_seals%ROWTYPE;
    horizon bigint := pg_snapshot_xmin(pg_current_snapshot())::text::bigint;
    covered bigint;
BEGIN
    SELECT * INTO newest FROM audit_seals ORDER BY seal_id DESC LIMIT 1;
    IF p_seal_id IS DISTINCT FROM coalesce(newest.seal_id, 0) + 1
            OR p_previous_digest IS DISTINCT FROM coalesce(newest.digest, 'genesis')
            OR p_txid_from IS DISTINCT FROM coalesce(newest.txid_to, 0) THEN
        RAISE EXCEPTION 'seal % does not continue seal % (digest %, txid_to %)', p_seal_id, newest.seal_id, newest.digest,
            newest.txid_to USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_format IS DISTINCT FROM 2 THEN
        RAISE EXCEPTION 'seals are Ed25519-signed (format 2) from now on' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_txid_to < p_txid_from OR p_txid_to > horizon THEN
        RAISE EXCEPTION 'seal % would cover transactions up to %, but only those below % have finished', p_seal_id,
            p_txid_to, horizon USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF newest.sealed_at IS NOT NULL AND p_sealed_at < newest.sealed_at THEN
        RAISE EXCEPTION 'seal % is older than seal %', p_seal_id, newest.seal_id USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT count(*) INTO covered FROM audit_records WHERE txid >= p_txid_from AND txid < p_txid_to;
    IF covered <> p_row_count THEN
        RAISE EXCEPTION 'seal % counts % records, its range holds %', p_seal_id, p_row_count, covered
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO audit_seals (seal_id, sealed_at, txid_from, txid_to, row_count, parts, previous_digest, digest, key_id,
        signature, format, purges, rejected)
    VALUES (p_seal_id, p_sealed_at, p_txid_from, p_txid_to, p_row_count, p_parts, p_previous_digest, p_digest, p_key_id,
        p_signature, p_format, p_purges, p_rejected);
END $$;
REVOKE EXECUTE ON FUNCTION audit_insert_seal(bigint, timestamptz, bigint, bigint, integer, text, text, text, text, text,
    smallint, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_insert_seal(bigint, timestamptz, bigint, bigint, integer, text, text, text, text, text,
    smallint, text, text) TO "${appRole}";
REVOKE INSERT ON audit_seals FROM "${appRole}";

-- A legal-hold change: one per intent (a second use of the same intent is refused), and only the value
-- and reason that intent's details asked for. The details record carries a MAC like the intent, so a
-- forged pair is named by the next seal; a genuine pair can no longer be reused to lift the hold.
ALTER TABLE audit_legal_holds ADD COLUMN txid bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);
CREATE UNIQUE INDEX audit_legal_holds_one_use ON audit_legal_holds (event_id);

CREATE OR REPLACE FUNCTION audit_set_legal_hold(hold boolean, intent_event uuid, why text) RETURNS bigint LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public AS $$
DECLARE
    id bigint;
    asked jsonb;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM audit_records r WHERE r.event_id = intent_event AND r.kind = 'INTENT'
                   AND r.action = 'AUDIT_LEGAL_HOLD') THEN
        RAISE EXCEPTION 'a legal hold changes only with a committed AUDIT_LEGAL_HOLD intent (event %)', intent_event
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    BEGIN
        SELECT r.request_summary::jsonb INTO asked FROM audit_records r
        WHERE r.event_id = intent_event AND r.kind = 'DETAILS' ORDER BY r.seq LIMIT 1;
    EXCEPTION WHEN invalid_text_representation THEN
        asked := NULL;
    END;
    IF asked IS NULL OR jsonb_typeof(asked -> 'active') IS DISTINCT FROM 'boolean'
            OR (asked ->> 'active')::boolean IS DISTINCT FROM hold OR (asked ->> 'reason') IS DISTINCT FROM why THEN
        RAISE EXCEPTION 'the AUDIT_LEGAL_HOLD intent % did not ask for this change (active %)', intent_event, hold
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF EXISTS (SELECT 1 FROM audit_legal_holds h WHERE h.event_id = intent_event) THEN
        RAISE EXCEPTION 'the AUDIT_LEGAL_HOLD intent % was used already', intent_event
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO audit_legal_holds (active, event_id, reason) VALUES (hold, intent_event, why) RETURNING change_id INTO id;
    RETURN id;
END $$;
