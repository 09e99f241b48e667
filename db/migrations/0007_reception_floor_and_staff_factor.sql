CREATE TABLE "recovery_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counter_services" (
	"counter_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "counter_services_counter_id_service_id_pk" PRIMARY KEY("counter_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "screen_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consulate_id" uuid NOT NULL,
	"label" text NOT NULL,
	"token_hash" text NOT NULL,
	"department_ids" uuid[],
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ticket_sequences" (
	"department_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "ticket_sequences_department_id_local_date_pk" PRIMARY KEY("department_id","local_date")
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consulate_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"number" integer NOT NULL,
	"code" text NOT NULL,
	"appointment_id" uuid,
	"is_walk_in" boolean NOT NULL,
	"walk_in_name" text,
	"priority" text,
	"status" text DEFAULT 'waiting' NOT NULL,
	"queued_at" timestamp with time zone NOT NULL,
	"counter_id" uuid,
	"call_count" smallint DEFAULT 0 NOT NULL,
	"called_at" timestamp with time zone,
	"called_by" uuid,
	"transferred_from" uuid,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" uuid,
	"ended_at" timestamp with time zone,
	CONSTRAINT "tickets_status" CHECK (status IN ('waiting', 'called', 'served', 'not_served', 'absent', 'transferred')),
	CONSTRAINT "tickets_priority" CHECK (priority IS NULL OR priority IN ('elderly', 'disabled', 'pregnant')),
	CONSTRAINT "tickets_walk_in" CHECK ("tickets"."is_walk_in" = ("tickets"."appointment_id" IS NULL)),
	CONSTRAINT "tickets_called_at_counter" CHECK ("tickets"."status" <> 'called' OR "tickets"."counter_id" IS NOT NULL),
	CONSTRAINT "tickets_number_positive" CHECK ("tickets"."number" > 0)
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "totp_secret_sealed" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "totp_enrolled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "totp_last_step" bigint;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "idle_minutes" smallint;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "second_factor_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consulate_services" ADD COLUMN "accepts_walk_ins" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "consulates" ADD COLUMN "waiting_room_capacity" integer;--> statement-breakpoint
ALTER TABLE "counters" ADD COLUMN "agent_id" uuid;--> statement-breakpoint
ALTER TABLE "counters" ADD COLUMN "opened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "ticket_prefix" text;--> statement-breakpoint
-- Departments made before tickets existed get the letter of their kind.
UPDATE "departments" SET "ticket_prefix" = CASE "kind"
  WHEN 'passport' THEN 'P' WHEN 'identity' THEN 'C' WHEN 'civil_status' THEN 'E'
  WHEN 'legalization' THEN 'L' WHEN 'registration' THEN 'R' ELSE upper(substr("kind", 1, 2)) END;--> statement-breakpoint
ALTER TABLE "departments" ALTER COLUMN "ticket_prefix" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "reviewer_id" uuid;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "review_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counter_services" ADD CONSTRAINT "counter_services_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counter_services" ADD CONSTRAINT "counter_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screen_tokens" ADD CONSTRAINT "screen_tokens_consulate_id_consulates_id_fk" FOREIGN KEY ("consulate_id") REFERENCES "public"."consulates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screen_tokens" ADD CONSTRAINT "screen_tokens_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_sequences" ADD CONSTRAINT "ticket_sequences_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_consulate_id_consulates_id_fk" FOREIGN KEY ("consulate_id") REFERENCES "public"."consulates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_called_by_accounts_id_fk" FOREIGN KEY ("called_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_issued_by_accounts_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recovery_codes_account_idx" ON "recovery_codes" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "screen_tokens_hash_key" ON "screen_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "screen_tokens_consulate_idx" ON "screen_tokens" USING btree ("consulate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_department_day_number_key" ON "tickets" USING btree ("department_id","local_date","number");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_one_active_per_appointment" ON "tickets" USING btree ("appointment_id") WHERE status IN ('waiting', 'called');--> statement-breakpoint
CREATE INDEX "tickets_waiting_idx" ON "tickets" USING btree ("department_id","local_date","queued_at") WHERE "tickets"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "tickets_consulate_day_idx" ON "tickets" USING btree ("consulate_id","local_date");--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_reviewer_id_accounts_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "counters_one_per_agent" ON "counters" USING btree ("agent_id") WHERE "counters"."agent_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "departments_consulate_ticket_prefix_key" ON "departments" USING btree ("consulate_id","ticket_prefix");--> statement-breakpoint
ALTER TABLE "consulates" ADD CONSTRAINT "consulates_waiting_room_capacity" CHECK ("consulates"."waiting_room_capacity" IS NULL OR "consulates"."waiting_room_capacity" BETWEEN 1 AND 100000);--> statement-breakpoint
ALTER TABLE "counters" ADD CONSTRAINT "counters_opened" CHECK (("counters"."agent_id" IS NULL) = ("counters"."opened_at" IS NULL));--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_ticket_prefix_format" CHECK ("departments"."ticket_prefix" ~ '^[A-Z]{1,2}$');--> statement-breakpoint
-- Hand-written: the tables of network/ cannot name accounts/ (which names them) without a cycle.
ALTER TABLE "counters" ADD CONSTRAINT "counters_agent_id_accounts_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."accounts"("id");
--> statement-breakpoint
-- Every change of a request bumps its version, whoever makes it (an agent's decision names the
-- version it saw and loses to any change since). Opening it in the workspace (the review lock) is
-- not a change.
CREATE FUNCTION requests_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (to_jsonb(NEW) - 'version' - 'reviewer_id' - 'review_seen_at')
     IS DISTINCT FROM (to_jsonb(OLD) - 'version' - 'reviewer_id' - 'review_seen_at') THEN
    NEW.version := OLD.version + 1;
  ELSE
    NEW.version := OLD.version;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER requests_version BEFORE UPDATE ON "requests" FOR EACH ROW EXECUTE FUNCTION requests_bump_version();
