-- The audit log is append-only and each event carries the SHA-256 of its content.
-- The hash covers every column but itself; time is hashed as microseconds since the epoch so the
-- session's TimeZone setting cannot change it.
CREATE FUNCTION audit_event_hash(e audit_events) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    e.id::text,
    (extract(epoch FROM e.at) * 1000000)::bigint::text,
    coalesce(e.actor_account_id::text, ''),
    coalesce(e.on_behalf_of_account_id::text, ''),
    e.action, e.entity_type, e.entity_id,
    coalesce(e.consulate_id::text, ''),
    coalesce(e.reason, ''),
    coalesce(e.before::text, ''),
    coalesce(e.after::text, '')
  ), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE FUNCTION audit_events_before_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.hash := audit_event_hash(NEW);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_hash BEFORE INSERT ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_before_insert();
--> statement-breakpoint
CREATE FUNCTION refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_seals_append_only BEFORE UPDATE OR DELETE ON audit_seals
FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
