-- Each server keeps tokens and agencies' partnerships in memory so that a request need not read
-- them (IdentityCache), and must hear at once when another process changes them: another
-- instance, or `eptrack token revoke` on the server's host. Every change that could alter who a
-- bearer is or what an agency may see announces itself on the channel `eptrack_identity` when it
-- commits, naming the schema changed; a server listening there forgets what it held. A server
-- that is not listening does not use its memory at all.
CREATE FUNCTION identity_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('eptrack_identity', TG_TABLE_SCHEMA);
    RETURN NULL;
END
$$;

CREATE TRIGGER agencies_identity_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agencies
    FOR EACH STATEMENT EXECUTE FUNCTION identity_changed();

CREATE TRIGGER partnerships_identity_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON partnerships
    FOR EACH STATEMENT EXECUTE FUNCTION identity_changed();

-- A token's last use is noted at most hourly and changes nothing about its bearer: not announced.
-- A new token needs no announcement either: an unknown token is never remembered.
CREATE TRIGGER api_tokens_identity_changed
    AFTER UPDATE OF token_hash, agency_id, role, expires_at, revoked_at OR DELETE OR TRUNCATE ON api_tokens
    FOR EACH STATEMENT EXECUTE FUNCTION identity_changed();
