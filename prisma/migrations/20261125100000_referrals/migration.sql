-- Referrals (issue 5): drafts, submitted referrals, one MASH contact per child, the consent record, the
-- threshold indicators, attachments and the e-mail outbox.

-- CreateEnum
CREATE TYPE "ReferralKind" AS ENUM ('MASH', 'EARLY_HELP');

-- CreateEnum
CREATE TYPE "ReferralStatus" AS ENUM ('RECEIVED', 'SCREENING', 'OUTCOME_SENT');

-- CreateEnum
CREATE TYPE "ContactStatus" AS ENUM ('AWAITING_RAG');

-- CreateEnum
CREATE TYPE "ContactChannel" AS ENUM ('ONLINE', 'PHONE', 'EMAIL');

-- CreateEnum
CREATE TYPE "ConsentStatus" AS ENUM ('GIVEN', 'REFUSED', 'NOT_SOUGHT');

-- CreateEnum
CREATE TYPE "ConsentException" AS ENUM ('SIGNIFICANT_HARM', 'INCREASED_RISK', 'SERIOUS_CRIME', 'DELAY_RISK');

-- CreateEnum
CREATE TYPE "ConsentMethod" AS ENUM ('VERBAL', 'WRITTEN');

-- CreateTable
CREATE TABLE "ReferralDraft" (
    "id" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "kind" "ReferralKind" NOT NULL,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "reminderSentAt" TIMESTAMPTZ(3),

    CONSTRAINT "ReferralDraft_pkey" PRIMARY KEY ("id")
);

-- The reference number: one sequence for both kinds, taken inside the submitting transaction.
CREATE SEQUENCE "Referral_number_seq" AS INTEGER START 1;

-- CreateTable
CREATE TABLE "Referral" (
    "id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "reference" TEXT NOT NULL,
    "kind" "ReferralKind" NOT NULL,
    "level" INTEGER NOT NULL,
    "status" "ReferralStatus" NOT NULL DEFAULT 'RECEIVED',
    "referrerId" UUID NOT NULL,
    "idempotencyKey" TEXT,
    "requestHash" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "thresholdVersion" TEXT,
    "suggestedLevel" INTEGER,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcomeLetter" TEXT,
    "outcomeSentAt" TIMESTAMPTZ(3),

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id"),
    -- A MASH referral is Level 4; an early-help request Level 2 or 3.
    CONSTRAINT "Referral_level_check" CHECK (("kind" = 'MASH' AND "level" = 4) OR ("kind" = 'EARLY_HELP' AND "level" IN (2, 3)))
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "childIndex" INTEGER NOT NULL,
    "childName" TEXT NOT NULL,
    "dateOfBirth" DATE,
    "expectedDueDate" DATE,
    "nhsNumber" TEXT,
    "postcode" TEXT NOT NULL,
    "status" "ContactStatus" NOT NULL DEFAULT 'AWAITING_RAG',
    "channel" "ContactChannel" NOT NULL DEFAULT 'ONLINE',
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Contact_birth_check" CHECK ("dateOfBirth" IS NOT NULL OR "expectedDueDate" IS NOT NULL)
);

-- CreateTable
CREATE TABLE "ConsentRecord" (
    "id" UUID NOT NULL,
    "referralId" UUID NOT NULL,
    "status" "ConsentStatus" NOT NULL,
    "givenBy" TEXT,
    "relationship" TEXT,
    "givenAt" TEXT,
    "method" "ConsentMethod",
    "exceptionReason" "ConsentException",
    "rationale" TEXT,
    "effortsOrViews" TEXT,
    "youngPersonViews" TEXT,
    "familyInformed" BOOLEAN NOT NULL,
    "reasonNotInformed" TEXT,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsentRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferralIndicator" (
    "referralId" UUID NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "thresholdVersion" TEXT NOT NULL,

    CONSTRAINT "ReferralIndicator_pkey" PRIMARY KEY ("referralId","indicatorId")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "draftId" UUID,
    "referralId" UUID,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Attachment_size_check" CHECK ("size" > 0 AND "size" <= 10485760 AND "size" = octet_length("content")),
    CONSTRAINT "Attachment_type_check" CHECK ("mediaType" IN ('application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/png', 'image/jpeg'))
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" BIGSERIAL NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "availableAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "deliveredVia" TEXT,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReferralDraft_ownerId_updatedAt_idx" ON "ReferralDraft"("ownerId", "updatedAt");

-- CreateIndex
CREATE INDEX "ReferralDraft_expiresAt_idx" ON "ReferralDraft"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Referral_number_key" ON "Referral"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Referral_reference_key" ON "Referral"("reference");

-- CreateIndex
CREATE INDEX "Referral_referrerId_submittedAt_idx" ON "Referral"("referrerId", "submittedAt");

-- CreateIndex
CREATE INDEX "Referral_kind_status_submittedAt_idx" ON "Referral"("kind", "status", "submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Referral_referrerId_idempotencyKey_key" ON "Referral"("referrerId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "Contact_status_receivedAt_idx" ON "Contact"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "Contact_nhsNumber_idx" ON "Contact"("nhsNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_referralId_childIndex_key" ON "Contact"("referralId", "childIndex");

-- CreateIndex
CREATE UNIQUE INDEX "ConsentRecord_referralId_key" ON "ConsentRecord"("referralId");

-- CreateIndex
CREATE INDEX "Attachment_draftId_idx" ON "Attachment"("draftId");

-- CreateIndex
CREATE INDEX "Attachment_referralId_idx" ON "Attachment"("referralId");

-- CreateIndex
CREATE INDEX "OutboxMessage_sentAt_availableAt_idx" ON "OutboxMessage"("sentAt", "availableAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_to_createdAt_idx" ON "OutboxMessage"("to", "createdAt");

-- AddForeignKey
ALTER TABLE "ReferralDraft" ADD CONSTRAINT "ReferralDraft_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_referrerId_fkey" FOREIGN KEY ("referrerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentRecord" ADD CONSTRAINT "ConsentRecord_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralIndicator" ADD CONSTRAINT "ReferralIndicator_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "ReferralDraft"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
