-- Ledger entries and postings are immutable: corrections are reversals.
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_postings_append_only BEFORE UPDATE OR DELETE ON ledger_postings
FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_postings_no_truncate BEFORE TRUNCATE ON ledger_postings
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
-- Checked at commit, once all the postings of the entry are in: at least two postings, all in the
-- entry's currency and on accounts of that currency, summing to zero.
CREATE FUNCTION ledger_entry_is_balanced(p_entry_id bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_entry ledger_entries;
  v_count integer;
  v_sum numeric;
  v_foreign integer;
BEGIN
  SELECT * INTO v_entry FROM ledger_entries WHERE id = p_entry_id;
  SELECT count(*), coalesce(sum(p.amount_minor), 0),
         count(*) FILTER (WHERE p.currency <> v_entry.currency OR a.currency <> v_entry.currency)
    INTO v_count, v_sum, v_foreign
    FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id
   WHERE p.entry_id = p_entry_id;
  IF v_count < 2 OR v_sum <> 0 OR v_foreign > 0 THEN
    RAISE EXCEPTION 'ledger entry % is unbalanced (% postings, sum %, % in another currency)',
      p_entry_id, v_count, v_sum, v_foreign
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ledger_entry_balanced';
  END IF;
END
$$;
--> statement-breakpoint
CREATE FUNCTION ledger_postings_check_balance() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ledger_entry_is_balanced(NEW.entry_id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_postings_balanced AFTER INSERT ON ledger_postings
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_postings_check_balance();
--> statement-breakpoint
CREATE FUNCTION ledger_entries_check_balance() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ledger_entry_is_balanced(NEW.id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entries_check_balance();
--> statement-breakpoint
-- A stamp's identity and amount never change, and its status only moves valid -> consumed | refunded.
CREATE FUNCTION stamps_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'stamps are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.number, NEW.payment_id, NEW.request_id, NEW.consulate_id, NEW.service_id, NEW.amount_minor,
      NEW.currency, NEW.issued_at, NEW.signature)
     IS DISTINCT FROM
     (OLD.number, OLD.payment_id, OLD.request_id, OLD.consulate_id, OLD.service_id, OLD.amount_minor,
      OLD.currency, OLD.issued_at, OLD.signature) THEN
    RAISE EXCEPTION 'stamp % : number, amount and signature never change', OLD.number
      USING ERRCODE = 'check_violation', CONSTRAINT = 'stamps_immutable';
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status AND OLD.status <> 'valid' THEN
    RAISE EXCEPTION 'stamp % is % : it cannot become %', OLD.number, OLD.status, NEW.status
      USING ERRCODE = 'check_violation', CONSTRAINT = 'stamps_status_final';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER stamps_guard BEFORE UPDATE OR DELETE ON stamps
FOR EACH ROW EXECUTE FUNCTION stamps_guard();
--> statement-breakpoint
-- A payment's amount and currency are fixed at creation.
CREATE FUNCTION payments_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'payments are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.amount_minor, NEW.currency, NEW.order_id, NEW.request_id)
     IS DISTINCT FROM (OLD.amount_minor, OLD.currency, OLD.order_id, OLD.request_id) THEN
    RAISE EXCEPTION 'payment %: amount, currency and order never change', OLD.order_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_immutable';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER payments_guard BEFORE UPDATE OR DELETE ON payments
FOR EACH ROW EXECUTE FUNCTION payments_guard();
