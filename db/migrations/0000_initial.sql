CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"consulate_id" uuid,
	"locale" text DEFAULT 'fr' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_locale" CHECK ("accounts"."locale" IN ('ar', 'fr', 'en', 'es')),
	CONSTRAINT "accounts_role" CHECK (role IN ('citizen', 'consular_agent', 'consulate_admin', 'call_center_agent', 'hq_admin', 'treasury_auditor')),
	CONSTRAINT "accounts_scope" CHECK (("accounts"."role" IN ('consular_agent', 'consulate_admin')) = ("accounts"."consulate_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"given_name_latin" text NOT NULL,
	"family_name_latin" text NOT NULL,
	"given_name_arabic" text,
	"family_name_arabic" text,
	"birth_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persons_relation" CHECK (relation IN ('self', 'child', 'spouse', 'parent', 'other'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_departments" (
	"account_id" uuid NOT NULL,
	"department_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope" text NOT NULL,
	"country" text,
	"consulate_id" uuid,
	"department_id" uuid,
	"date" date,
	"recurring_month" smallint,
	"recurring_day" smallint,
	"name" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "closures_when" CHECK (("closures"."date" IS NOT NULL AND "closures"."recurring_month" IS NULL AND "closures"."recurring_day" IS NULL)
       OR ("closures"."date" IS NULL AND "closures"."recurring_month" BETWEEN 1 AND 12 AND "closures"."recurring_day" BETWEEN 1 AND 31)),
	CONSTRAINT "closures_scope_target" CHECK (("closures"."scope" = 'national' AND "closures"."country" IS NULL AND "closures"."consulate_id" IS NULL)
       OR ("closures"."scope" = 'host_country' AND "closures"."country" IS NOT NULL AND "closures"."consulate_id" IS NULL)
       OR ("closures"."scope" = 'consulate' AND "closures"."consulate_id" IS NOT NULL AND "closures"."date" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "consulate_services" (
	"consulate_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"is_enabled" boolean DEFAULT true NOT NULL,
	"fee_minor" bigint NOT NULL,
	"is_demo_fee" boolean DEFAULT false NOT NULL,
	"horizon_days" smallint NOT NULL,
	"min_notice_minutes" integer NOT NULL,
	"cancellation_cutoff_minutes" integer NOT NULL,
	CONSTRAINT "consulate_services_consulate_id_service_id_pk" PRIMARY KEY("consulate_id","service_id"),
	CONSTRAINT "consulate_services_fee_nonnegative" CHECK ("consulate_services"."fee_minor" >= 0),
	CONSTRAINT "consulate_services_horizon_range" CHECK ("consulate_services"."horizon_days" BETWEEN 1 AND 366),
	CONSTRAINT "consulate_services_notice_nonnegative" CHECK ("consulate_services"."min_notice_minutes" >= 0),
	CONSTRAINT "consulate_services_cutoff_nonnegative" CHECK ("consulate_services"."cancellation_cutoff_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "consulates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"country" text NOT NULL,
	"city" text NOT NULL,
	"address" text NOT NULL,
	"time_zone" text NOT NULL,
	"currency" text NOT NULL,
	"languages" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consulates_code_format" CHECK ("consulates"."code" ~ '^[A-Z]{3}$'),
	CONSTRAINT "consulates_currency_format" CHECK ("consulates"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "consulates_country_format" CHECK ("consulates"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "counters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"department_id" uuid NOT NULL,
	"label" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consulate_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opening_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"department_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"opens_at" time NOT NULL,
	"closes_at" time NOT NULL,
	"slot_minutes" smallint NOT NULL,
	"capacity" smallint NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "opening_hours_weekday_range" CHECK ("opening_hours"."weekday" BETWEEN 1 AND 7),
	CONSTRAINT "opening_hours_order" CHECK ("opening_hours"."opens_at" < "opening_hours"."closes_at"),
	CONSTRAINT "opening_hours_slot_range" CHECK ("opening_hours"."slot_minutes" BETWEEN 5 AND 240),
	CONSTRAINT "opening_hours_capacity_range" CHECK ("opening_hours"."capacity" BETWEEN 0 AND 1000),
	CONSTRAINT "opening_hours_validity" CHECK ("opening_hours"."valid_to" IS NULL OR "opening_hours"."valid_to" >= "opening_hours"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"department_kind" text NOT NULL,
	"name" jsonb NOT NULL,
	"duration_minutes" smallint NOT NULL,
	"required_documents" text[] NOT NULL,
	"requires_verification" boolean NOT NULL,
	CONSTRAINT "services_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"slot_id" bigint NOT NULL,
	"consulate_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_status" CHECK (status IN ('booked', 'checked_in', 'completed', 'cancelled_by_citizen', 'cancelled_by_consulate', 'no_show'))
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"account_id" uuid NOT NULL,
	"key" text NOT NULL,
	"scope" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" smallint NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "slots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" smallint NOT NULL,
	"planned_capacity" smallint NOT NULL,
	"booked" smallint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	CONSTRAINT "slots_within_capacity" CHECK ("slots"."booked" >= 0 AND "slots"."booked" <= "slots"."capacity"),
	CONSTRAINT "slots_order" CHECK ("slots"."starts_at" < "slots"."ends_at"),
	CONSTRAINT "slots_status" CHECK ("slots"."status" IN ('open', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_account_id" uuid,
	"on_behalf_of_account_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"consulate_id" uuid,
	"reason" text,
	"before" jsonb,
	"after" jsonb,
	"hash" text
);
--> statement-breakpoint
CREATE TABLE "audit_seals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"from_id" bigint NOT NULL,
	"to_id" bigint NOT NULL,
	"previous_hash" text NOT NULL,
	"chain_hash" text NOT NULL,
	"sealed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_consulate_id_consulates_id_fk" FOREIGN KEY ("consulate_id") REFERENCES "public"."consulates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_departments" ADD CONSTRAINT "staff_departments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_departments" ADD CONSTRAINT "staff_departments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_consulate_id_consulates_id_fk" FOREIGN KEY ("consulate_id") REFERENCES "public"."consulates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consulate_services" ADD CONSTRAINT "consulate_services_consulate_id_consulates_id_fk" FOREIGN KEY ("consulate_id") REFERENCES "public"."consulates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consulate_services" ADD CONSTRAINT "consulate_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consulate_services" ADD CONSTRAINT "consulate_services_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counters" ADD CONSTRAINT "counters_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_consulate_id_consulates_id_fk" FOREIGN KEY ("consulate_id") REFERENCES "public"."consulates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_hours" ADD CONSTRAINT "opening_hours_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_slot_id_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_consulate_id_consulates_id_fk" FOREIGN KEY ("consulate_id") REFERENCES "public"."consulates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_email_key" ON "accounts" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "persons_account_idx" ON "persons" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_one_self_key" ON "persons" USING btree ("account_id") WHERE "persons"."relation" = 'self';--> statement-breakpoint
CREATE INDEX "sessions_account_idx" ON "sessions" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_departments_key" ON "staff_departments" USING btree ("account_id","department_id");--> statement-breakpoint
CREATE INDEX "closures_consulate_idx" ON "closures" USING btree ("consulate_id");--> statement-breakpoint
CREATE INDEX "closures_country_idx" ON "closures" USING btree ("country");--> statement-breakpoint
CREATE UNIQUE INDEX "consulates_code_key" ON "consulates" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "counters_department_label_key" ON "counters" USING btree ("department_id","label");--> statement-breakpoint
CREATE UNIQUE INDEX "departments_consulate_kind_key" ON "departments" USING btree ("consulate_id","kind");--> statement-breakpoint
CREATE INDEX "opening_hours_department_idx" ON "opening_hours" USING btree ("department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_reference_key" ON "appointments" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_one_active_per_person_service" ON "appointments" USING btree ("person_id","consulate_id","service_id") WHERE "appointments"."status" IN ('booked', 'checked_in');--> statement-breakpoint
CREATE INDEX "appointments_account_idx" ON "appointments" USING btree ("account_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_slot_idx" ON "appointments" USING btree ("slot_id");--> statement-breakpoint
CREATE INDEX "appointments_consulate_start_idx" ON "appointments" USING btree ("consulate_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_keys_key" ON "idempotency_keys" USING btree ("account_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "slots_department_start_key" ON "slots" USING btree ("department_id","starts_at");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_events_consulate_idx" ON "audit_events" USING btree ("consulate_id","at");