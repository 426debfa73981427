-- Legal-hold changes are covered by the seals and checked by verify (issue 23). A seal of format 3 lists,
-- besides records and purges, every change of audit_legal_holds its transactions made: the row's digest
-- and, when the sealer could not bind the change to its own genuine AUDIT_LEGAL_HOLD intent asking for
-- that value (a forged intent, another value, a second use, no intent at all), why. The first seal of
-- format 3 also lists every change made before it, so no change is left outside a seal. The verifier
-- compares the rows with what the signed seals list (LEGAL_HOLD_UNBOUND, LEGAL_HOLD_MODIFIED,
-- LEGAL_HOLD_DELETED). The request path is untouched: hold changes are rare and read only by the sealer.
--
-- Placeholder: ${appRole} (request path).

ALTER TABLE audit_seals ADD COLUMN holds text;

DROP FUNCTION audit_insert_seal(bigint, timestamptz, bigint, bigint, integer, text, text, text, text, text, smallint, text, text);

CREATE FUNCTION audit_insert_seal(p_seal_id bigint, p_sealed_at timestamptz, p_txid_from bigint, p_txid_to bigint,
    p_row_count integer, p_parts text, p_previous_digest text, p_digest text, p_key_id text, p_signature text,
    p_format smallint, p_purges text, p_rejected text, p_holds text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public AS $$
DECLARE
    newest audit_seals%ROWTYPE;
    horizon bigint := pg_snapshot_xmin(pg_current_snapshot())::text::bigint;
    covered bigint;
    listed integer;
BEGIN
    SELECT * INTO newest FROM audit_seals ORDER BY seal_id DESC LIMIT 1;
    IF p_seal_id IS DISTINCT FROM coalesce(newest.seal_id, 0) + 1
            OR p_previous_digest IS DISTINCT FROM coalesce(newest.digest, 'genesis')
            OR p_txid_from IS DISTINCT FROM coalesce(newest.txid_to, 0) THEN
        RAISE EXCEPTION 'seal % does not continue seal % (digest %, txid_to %)', p_seal_id, newest.seal_id, newest.digest,
            newest.txid_to USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_format IS DISTINCT FROM 3 THEN
        RAISE EXCEPTION 'seals are Ed25519-signed and cover legal-hold changes (format 3) from now on'
            USING ERRCODE = 'insufficient_privilege';
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
    SELECT count(*) INTO covered FROM audit_legal_holds
    WHERE txid < p_txid_to AND (txid >= p_txid_from OR coalesce(newest.format, 0) < 3);
    listed := CASE WHEN jsonb_typeof(p_holds::jsonb) = 'array' THEN jsonb_array_length(p_holds::jsonb) END;
    IF listed IS DISTINCT FROM covered::integer THEN
        RAISE EXCEPTION 'seal % lists % legal-hold changes, its range holds %', p_seal_id, listed, covered
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO audit_seals (seal_id, sealed_at, txid_from, txid_to, row_count, parts, previous_digest, digest, key_id,
        signature, format, purges, rejected, holds)
    VALUES (p_seal_id, p_sealed_at, p_txid_from, p_txid_to, p_row_count, p_parts, p_previous_digest, p_digest, p_key_id,
        p_signature, p_format, p_purges, p_rejected, p_holds);
END $$;
REVOKE EXECUTE ON FUNCTION audit_insert_seal(bigint, timestamptz, bigint, bigint, integer, text, text, text, text, text,
    smallint, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_insert_seal(bigint, timestamptz, bigint, bigint, integer, text, text, text, text, text,
    smallint, text, text, text) TO "${appRole}";
