ALTER TABLE "appointments" DROP CONSTRAINT "appointments_status";--> statement-breakpoint
ALTER TABLE "requests" DROP CONSTRAINT "requests_status";--> statement-breakpoint
DROP INDEX "appointments_one_active_per_person_service";--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "min_age_years" smallint;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "max_age_years" smallint;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "called_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "ended_by" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "not_served_reason" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "not_served_note" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "origin" text DEFAULT 'citizen' NOT NULL;--> statement-breakpoint
-- Data written before this migration: 'completed' appointments were served; the requests a direct
-- booking opened (services without verification, accepted in the same instant as their first
-- appointment) follow their appointment; the fee stamp is a step of its own, never a document.
UPDATE "appointments" SET "status" = 'served', "ended_at" = "updated_at" WHERE "status" = 'completed';--> statement-breakpoint
UPDATE "requests" r SET "origin" = 'direct_booking'
FROM "services" s
WHERE s."id" = r."service_id" AND NOT s."requires_verification"
  AND EXISTS (SELECT 1 FROM "appointments" a WHERE a."request_id" = r."id" AND a."created_at" = r."created_at");--> statement-breakpoint
UPDATE "services" SET "required_documents" = array_remove("required_documents", 'fee_stamp_receipt')
WHERE 'fee_stamp_receipt' = ANY("required_documents");--> statement-breakpoint
UPDATE "services" SET "min_age_years" = 18 WHERE "code" IN ('passport_adult_new', 'passport_adult_renewal');--> statement-breakpoint
UPDATE "services" SET "max_age_years" = 17 WHERE "code" = 'passport_minor';--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_ended_by_accounts_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_open_at_counter_idx" ON "appointments" USING btree ("starts_at") WHERE "appointments"."status" IN ('checked_in', 'called');--> statement-breakpoint
CREATE INDEX "requests_idle_idx" ON "requests" USING btree ("status","updated_at") WHERE "requests"."status" IN ('draft', 'more_info_requested', 'accepted');--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_one_active_per_person_service" ON "appointments" USING btree ("person_id","consulate_id","service_id") WHERE status IN ('booked', 'checked_in', 'called');--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_age_range" CHECK (("services"."min_age_years" IS NULL OR "services"."min_age_years" BETWEEN 0 AND 150)
    AND ("services"."max_age_years" IS NULL OR "services"."max_age_years" BETWEEN 0 AND 150)
    AND ("services"."min_age_years" IS NULL OR "services"."max_age_years" IS NULL OR "services"."min_age_years" <= "services"."max_age_years"));--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_not_served_reason" CHECK ((status = 'not_served') = (not_served_reason IS NOT NULL) AND (not_served_reason IS NULL OR not_served_reason IN ('documents_missing', 'documents_invalid', 'fee_not_paid', 'identity_not_established', 'not_eligible', 'service_interrupted', 'other', 'day_closed')));--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_status" CHECK (status IN ('booked', 'checked_in', 'called', 'served', 'not_served', 'cancelled_by_citizen', 'cancelled_by_consulate', 'no_show'));--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_origin" CHECK (origin IN ('citizen', 'direct_booking'));--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_status" CHECK (status IN ('draft', 'submitted', 'more_info_requested', 'accepted', 'rejected', 'withdrawn', 'completed', 'expired'));