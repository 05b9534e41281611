-- A professional's written follow-up that does not arrive in time is alerted, once: the recorder and the
-- MASH managers are told, and "followUpAlertedAt" marks it told (lib/contacts/phone/mutations.ts,
-- alertOverdueFollowUps). Written by hand in Prisma's format (docs/decisions/0002).

-- AlterTable
ALTER TABLE "PhoneContact" ADD COLUMN "followUpAlertedAt" TIMESTAMPTZ(3);

-- The one-minute sweep's reading: follow-ups still owed and not yet alerted, in order of due time. Kept
-- small by its WHERE clause (schema.prisma cannot describe a partial index; lib/db/drift.ts skips it).
CREATE INDEX "PhoneContact_follow_up_alert_idx" ON "PhoneContact"("followUpDueAt", "id") WHERE "followUpDueAt" IS NOT NULL AND "followUpLinkedAt" IS NULL AND "followUpAlertedAt" IS NULL;
