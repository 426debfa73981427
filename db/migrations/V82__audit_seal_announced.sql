-- Event delivery wakes when a seal commits (issue 26), on every replica, not only the one that sealed: each new seal
-- is announced on the channel amc_audit_sealed (NOTIFY, sent by PostgreSQL at the seal's commit, never for a seal
-- rolled back), whoever inserted it (audit_insert_seal is the only way in for the app role). The payload is the
-- seal's id, for operators watching the channel; the deliverer does not read it. NOTIFY needs no privilege, so
-- anyone holding the service's credentials can announce a seal that does not exist: a listener treats an
-- announcement only as "look now" and reads the sealed trail itself, so a spurious one costs one extra read and can
-- neither skip nor misattribute an event. Each replica's poll (amc.events.poll-interval) stays the fallback for an
-- announcement missed while its listening connection was down.
CREATE FUNCTION audit_seal_announce() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('amc_audit_sealed', NEW.seal_id::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER audit_seals_announce AFTER INSERT ON audit_seals
    FOR EACH ROW EXECUTE FUNCTION audit_seal_announce();
