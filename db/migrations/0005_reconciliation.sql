CREATE TABLE "reconciliation_breaks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"consulate_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"currency" text NOT NULL,
	"reason" text NOT NULL,
	"order_id" text NOT NULL,
	"type" text NOT NULL,
	"line_id" bigint,
	"payment_id" uuid,
	"refund_id" uuid,
	"ledger_amount_minor" bigint,
	"ledger_currency" text,
	"file_amount_minor" bigint,
	"file_currency" text,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution_note" text,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reconciliation_breaks_reason" CHECK (reason IN ('missing_in_settlement', 'missing_in_ledger', 'amount_mismatch', 'currency_mismatch')),
	CONSTRAINT "reconciliation_breaks_status" CHECK (status IN ('open', 'resolved')),
	CONSTRAINT "reconciliation_breaks_resolution" CHECK (("reconciliation_breaks"."status" = 'resolved') = ("reconciliation_breaks"."resolved_at" IS NOT NULL AND "reconciliation_breaks"."resolved_by" IS NOT NULL AND "reconciliation_breaks"."resolution_note" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "settlement_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consulate_id" uuid NOT NULL,
	"business_date" date NOT NULL,
	"currency" text NOT NULL,
	"sha256" text NOT NULL,
	"line_count" integer NOT NULL,
	"sales_minor" bigint NOT NULL,
	"refunds_minor" bigint NOT NULL,
	"settlement_entry_id" bigint,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "settlement_files_currency_format" CHECK ("settlement_files"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "settlement_lines" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"line_number" integer NOT NULL,
	"transaction_date" date NOT NULL,
	"order_id" text NOT NULL,
	"gateway_transaction_id" text NOT NULL,
	"type" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"payment_id" uuid,
	"refund_id" uuid,
	"match_status" text NOT NULL,
	CONSTRAINT "settlement_lines_type" CHECK (type IN ('SALE', 'REFUND')),
	CONSTRAINT "settlement_lines_amount_positive" CHECK ("settlement_lines"."amount_minor" > 0),
	CONSTRAINT "settlement_lines_match_status" CHECK ("settlement_lines"."match_status" IN ('matched', 'break'))
);
--> statement-breakpoint
ALTER TABLE "reconciliation_breaks" ADD CONSTRAINT "reconciliation_breaks_file_id_settlement_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."settlement_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_breaks" ADD CONSTRAINT "reconciliation_breaks_consulate_id_consulates_id_fk" FOREIGN KEY ("consulate_id") REFERENCES "public"."consulates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_breaks" ADD CONSTRAINT "reconciliation_breaks_line_id_settlement_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."settlement_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_breaks" ADD CONSTRAINT "reconciliation_breaks_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_breaks" ADD CONSTRAINT "reconciliation_breaks_refund_id_refunds_id_fk" FOREIGN KEY ("refund_id") REFERENCES "public"."refunds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reconciliation_breaks" ADD CONSTRAINT "reconciliation_breaks_resolved_by_accounts_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_files" ADD CONSTRAINT "settlement_files_consulate_id_consulates_id_fk" FOREIGN KEY ("consulate_id") REFERENCES "public"."consulates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_files" ADD CONSTRAINT "settlement_files_uploaded_by_accounts_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_lines" ADD CONSTRAINT "settlement_lines_file_id_settlement_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."settlement_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_lines" ADD CONSTRAINT "settlement_lines_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_lines" ADD CONSTRAINT "settlement_lines_refund_id_refunds_id_fk" FOREIGN KEY ("refund_id") REFERENCES "public"."refunds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reconciliation_breaks_day_idx" ON "reconciliation_breaks" USING btree ("consulate_id","business_date");--> statement-breakpoint
CREATE INDEX "reconciliation_breaks_open_idx" ON "reconciliation_breaks" USING btree ("created_at") WHERE "reconciliation_breaks"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_files_day_key" ON "settlement_files" USING btree ("consulate_id","business_date","currency");--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_lines_file_line_key" ON "settlement_lines" USING btree ("file_id","line_number");--> statement-breakpoint
CREATE INDEX "settlement_lines_order_idx" ON "settlement_lines" USING btree ("order_id");--> statement-breakpoint
-- Settlement files and their lines are kept as imported: evidence is never edited.
CREATE TRIGGER settlement_files_append_only BEFORE UPDATE OR DELETE ON settlement_files
FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER settlement_lines_append_only BEFORE UPDATE OR DELETE ON settlement_lines
FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
-- A break keeps what it found; only its resolution is written, once (open -> resolved).
CREATE FUNCTION reconciliation_breaks_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'reconciliation breaks are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.file_id, NEW.consulate_id, NEW.business_date, NEW.currency, NEW.reason, NEW.order_id, NEW.type,
      NEW.line_id, NEW.payment_id, NEW.refund_id, NEW.ledger_amount_minor, NEW.ledger_currency,
      NEW.file_amount_minor, NEW.file_currency, NEW.created_at)
     IS DISTINCT FROM
     (OLD.file_id, OLD.consulate_id, OLD.business_date, OLD.currency, OLD.reason, OLD.order_id, OLD.type,
      OLD.line_id, OLD.payment_id, OLD.refund_id, OLD.ledger_amount_minor, OLD.ledger_currency,
      OLD.file_amount_minor, OLD.file_currency, OLD.created_at)
     OR OLD.status <> 'open' THEN
    RAISE EXCEPTION 'reconciliation break %: only an open break may be resolved', OLD.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'reconciliation_breaks_final';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER reconciliation_breaks_guard BEFORE UPDATE OR DELETE ON reconciliation_breaks
FOR EACH ROW EXECUTE FUNCTION reconciliation_breaks_guard();
