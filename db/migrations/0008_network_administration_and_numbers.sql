CREATE TABLE "staff_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"consulate_id" uuid,
	"department_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"display_name" text,
	"token_hash" text NOT NULL,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"account_id" uuid,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_invitations_role" CHECK ("staff_invitations"."role" <> 'citizen'),
	CONSTRAINT "staff_invitations_scope" CHECK (("staff_invitations"."role" IN ('consular_agent', 'consulate_admin')) = ("staff_invitations"."consulate_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "consulate_jurisdictions" (
	"consulate_id" uuid NOT NULL,
	"country" text NOT NULL,
	"city" text,
	CONSTRAINT "consulate_jurisdictions_country" CHECK ("consulate_jurisdictions"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "fee_schedule" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consulate_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"effective_from" date NOT NULL,
	"is_demo_value" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_schedule_amount_nonnegative" CHECK ("fee_schedule"."amount_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "lead_time_samples" (
	"consulate_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"first_free_at" timestamp with time zone,
	"lead_days" integer,
	CONSTRAINT "lead_time_samples_consulate_id_service_id_taken_at_pk" PRIMARY KEY("consulate_id","service_id","taken_at")
);
--> statement-breakpoint
CREATE TABLE "stats_appointments_daily" (
	"day" date NOT NULL,
	"consulate_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	"booked_by_call_center" integer DEFAULT 0 NOT NULL,
	"served" integer DEFAULT 0 NOT NULL,
	"not_served" integer DEFAULT 0 NOT NULL,
	"no_show" integer DEFAULT 0 NOT NULL,
	"cancelled_by_citizen" integer DEFAULT 0 NOT NULL,
	"cancelled_by_consulate" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_appointments_daily_day_consulate_id_service_id_pk" PRIMARY KEY("day","consulate_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "stats_call_center_daily" (
	"day" date NOT NULL,
	"action" text NOT NULL,
	"actions" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_call_center_daily_day_action_pk" PRIMARY KEY("day","action")
);
--> statement-breakpoint
CREATE TABLE "stats_revenue_daily" (
	"day" date NOT NULL,
	"consulate_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"stamps_sold" integer DEFAULT 0 NOT NULL,
	"paid_minor" bigint DEFAULT 0 NOT NULL,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	"consumed_minor" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "stats_revenue_daily_day_consulate_id_currency_pk" PRIMARY KEY("day","consulate_id","currency")
);
--> statement-breakpoint
CREATE TABLE "stats_verification_daily" (
	"day" date NOT NULL,
	"consulate_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"decided" integer DEFAULT 0 NOT NULL,
	"turnaround_p50_minutes" integer,
	"turnaround_p90_minutes" integer,
	CONSTRAINT "stats_verification_daily_day_consulate_id_service_id_pk" PRIMARY KEY("day","consulate_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "stats_waiting_daily" (
	"day" date NOT NULL,
	"consulate_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"seen" integer DEFAULT 0 NOT NULL,
	"wait_p50_minutes" integer,
	"wait_p90_minutes" integer,
	"service_p50_minutes" integer,
	CONSTRAINT "stats_waiting_daily_day_consulate_id_department_id_pk" PRIMARY KEY("day","consulate_id","department_id")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "display_name" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "closures" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "closures" ADD COLUMN "adjustment_days" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "closures" ADD COLUMN "status" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "consulates" ADD COLUMN "is_active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "is_active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "gateway_status" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "gateway_key" text;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "attempts" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "settled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "booked_by" uuid;--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_consulate_id_consulates_id_fk" FOREIGN KEY ("consulate_id") REFERENCES "public"."consulates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_invited_by_accounts_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consulate_jurisdictions" ADD CONSTRAINT "consulate_jurisdictions_consulate_id_consulates_id_fk" FOREIGN KEY ("consulate_id") REFERENCES "public"."consulates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_schedule" ADD CONSTRAINT "fee_schedule_consulate_id_consulates_id_fk" FOREIGN KEY ("consulate_id") REFERENCES "public"."consulates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_schedule" ADD CONSTRAINT "fee_schedule_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_time_samples" ADD CONSTRAINT "lead_time_samples_consulate_id_consulates_id_fk" FOREIGN KEY ("consulate_id") REFERENCES "public"."consulates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_time_samples" ADD CONSTRAINT "lead_time_samples_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_appointments_daily" ADD CONSTRAINT "stats_appointments_daily_consulate_id_consulates_id_fk" FOREIGN KEY ("consulate_id") REFERENCES "public"."consulates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_appointments_daily" ADD CONSTRAINT "stats_appointments_daily_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_revenue_daily" ADD CONSTRAINT "stats_revenue_daily_consulate_id_consulates_id_fk" FOREIGN KEY ("consulate_id") REFERENCES "public"."consulates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_verification_daily" ADD CONSTRAINT "stats_verification_daily_consulate_id_consulates_id_fk" FOREIGN KEY ("consulate_id") REFERENCES "public"."consulates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_verification_daily" ADD CONSTRAINT "stats_verification_daily_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_waiting_daily" ADD CONSTRAINT "stats_waiting_daily_consulate_id_consulates_id_fk" FOREIGN KEY ("consulate_id") REFERENCES "public"."consulates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stats_waiting_daily" ADD CONSTRAINT "stats_waiting_daily_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_invitations_token_key" ON "staff_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_invitations_one_open_per_email" ON "staff_invitations" USING btree (lower("email")) WHERE "staff_invitations"."accepted_at" IS NULL AND "staff_invitations"."revoked_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "consulate_jurisdictions_place_key" ON "consulate_jurisdictions" USING btree ("country",coalesce(lower("city"), ''));--> statement-breakpoint
CREATE INDEX "consulate_jurisdictions_consulate_idx" ON "consulate_jurisdictions" USING btree ("consulate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fee_schedule_key" ON "fee_schedule" USING btree ("consulate_id","service_id","effective_from");--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_booked_by_accounts_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_phone_idx" ON "accounts" USING btree ("phone") WHERE "accounts"."phone" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "persons_cnie_idx" ON "persons" USING btree ("cnie_number") WHERE "persons"."cnie_number" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "persons_passport_idx" ON "persons" USING btree ("passport_number") WHERE "persons"."passport_number" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "persons_registration_idx" ON "persons" USING btree ("consular_registration_number") WHERE "persons"."consular_registration_number" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "closures_source_key" ON "closures" USING btree ("source") WHERE "closures"."source" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_gateway_key" ON "refunds" USING btree ("gateway_key") WHERE "refunds"."gateway_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "refunds_pending_idx" ON "refunds" USING btree ("next_attempt_at") WHERE "refunds"."gateway_status" = 'pending';--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_status" CHECK ("closures"."status" IN ('proposed', 'active', 'rejected'));--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_adjustment" CHECK ("closures"."adjustment_days" BETWEEN -1 AND 1);--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_gateway_status" CHECK ("refunds"."gateway_status" IN ('pending', 'succeeded', 'refused'));--> statement-breakpoint
-- The fees in force become the first row of each offer's history.
INSERT INTO "fee_schedule" ("consulate_id", "service_id", "amount_minor", "effective_from", "is_demo_value", "note")
SELECT "consulate_id", "service_id", "fee_minor", DATE '2000-01-01', "is_demo_fee", 'fee in force before fee history'
FROM "consulate_services";
--> statement-breakpoint
-- Seals are the audit chain's anchors: TRUNCATE is refused like UPDATE and DELETE (events already are).
CREATE TRIGGER audit_seals_no_truncate BEFORE TRUNCATE ON audit_seals
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
