-- The MASH manager's workbench: RAG ratings with their clocks, allocations, phone contacts and police
-- protection notifications, in-app notifications. Written by hand in Prisma's format (docs/decisions/0002);
-- the drift test compares it with schema.prisma.

-- Trigram matching finds earlier contacts for a child whose name was typed a little differently.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterEnum (new values cannot be used until this transaction commits: nothing below uses them)
ALTER TYPE "ContactStatus" ADD VALUE 'RATED';
ALTER TYPE "ContactStatus" ADD VALUE 'RETURNED_FOR_CONSENT';
ALTER TYPE "ContactStatus" ADD VALUE 'CLOSED';
ALTER TYPE "ContactStatus" ADD VALUE 'PASSED_TO_TEAM';

-- AlterEnum
ALTER TYPE "ContactChannel" ADD VALUE 'POLICE_NOTIFICATION';

-- CreateEnum
CREATE TYPE "RagRating" AS ENUM ('RED', 'AMBER', 'GREEN');

-- CreateEnum
CREATE TYPE "CallerType" AS ENUM ('PROFESSIONAL', 'PUBLIC');

-- CreateTable
CREATE TABLE "PhoneContact" (
    "id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "reference" TEXT NOT NULL,
    "channel" "ContactChannel" NOT NULL,
    "recordedById" UUID NOT NULL,
    "callerType" "CallerType" NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "callerName" TEXT,
    "callerRole" TEXT,
    "callerAgency" TEXT,
    "callerPhone" TEXT,
    "callerEmail" TEXT,
    "concerns" TEXT NOT NULL,
    "immediateRisk" BOOLEAN NOT NULL,
    "level4" BOOLEAN NOT NULL,
    "consentStatus" "ConsentStatus" NOT NULL,
    "consentException" "ConsentException",
    "consentDetails" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "followUpDueAt" TIMESTAMPTZ(3),
    "followUpReferralId" UUID,
    "followUpLinkedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PhoneContact_pkey" PRIMARY KEY ("id"),
    -- Only a member of the public may stay anonymous; a professional is never anonymous.
    CONSTRAINT "PhoneContact_caller_check" CHECK (("callerType" = 'PUBLIC' AND "anonymous") OR "callerName" IS NOT NULL),
    CONSTRAINT "PhoneContact_anonymous_check" CHECK (NOT "anonymous" OR "callerType" = 'PUBLIC')
);

-- AlterTable: a phone contact has no referral; a caller may not know a child's date of birth or postcode.
ALTER TABLE "Contact" ALTER COLUMN "referralId" DROP NOT NULL;
ALTER TABLE "Contact" ALTER COLUMN "postcode" DROP NOT NULL;
ALTER TABLE "Contact" DROP CONSTRAINT "Contact_birth_check";
ALTER TABLE "Contact" ADD COLUMN "phoneContactId" UUID,
ADD COLUMN "agencyId" UUID,
ADD COLUMN "level4" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "section47" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "consentObtained" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "consentException" "ConsentException",
ADD COLUMN "immediateRisk" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "rating" "RagRating",
ADD COLUMN "ratedAt" TIMESTAMPTZ(3),
ADD COLUMN "deadlineAt" TIMESTAMPTZ(3),
ADD COLUMN "warningAt" TIMESTAMPTZ(3),
ADD COLUMN "breachedAt" TIMESTAMPTZ(3),
ADD COLUMN "clockId" UUID,
ADD COLUMN "allocatedToId" UUID,
ADD COLUMN "allocatedAt" TIMESTAMPTZ(3),
ADD COLUMN "closedAt" TIMESTAMPTZ(3),
ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
-- A contact comes from a referral or from a phone contact (or police notification), never both.
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_source_check" CHECK (("referralId" IS NOT NULL) <> ("phoneContactId" IS NOT NULL));
-- An online contact knows the child's date of birth or due date (the form requires one).
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_birth_check" CHECK ("channel" <> 'ONLINE' OR "dateOfBirth" IS NOT NULL OR "expectedDueDate" IS NOT NULL);
-- A rating comes with its clock.
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_rating_check" CHECK (("rating" IS NULL) = ("deadlineAt" IS NULL) AND ("rating" IS NULL) = ("ratedAt" IS NULL));

-- CreateTable
CREATE TABLE "ContactRating" (
    "id" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "rating" "RagRating" NOT NULL,
    "previousRating" "RagRating",
    "direction" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "ratedById" UUID NOT NULL,
    "ratedAt" TIMESTAMPTZ(3) NOT NULL,
    "deadlineAt" TIMESTAMPTZ(3) NOT NULL,
    "warningAt" TIMESTAMPTZ(3) NOT NULL,
    "warnedAt" TIMESTAMPTZ(3),
    "breachedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ContactRating_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ContactRating_reasons_check" CHECK (length(btrim("direction")) > 0 AND length(btrim("rationale")) > 0)
);

-- CreateTable
CREATE TABLE "ContactAllocation" (
    "id" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "socialWorkerId" UUID NOT NULL,
    "allocatedById" UUID NOT NULL,
    "allocatedAt" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT,

    CONSTRAINT "ContactAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "contactId" UUID,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PhoneContact_number_key" ON "PhoneContact"("number");

-- CreateIndex
CREATE UNIQUE INDEX "PhoneContact_reference_key" ON "PhoneContact"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "PhoneContact_followUpReferralId_key" ON "PhoneContact"("followUpReferralId");

-- CreateIndex
CREATE INDEX "PhoneContact_followUpDueAt_idx" ON "PhoneContact"("followUpDueAt");

-- CreateIndex
CREATE INDEX "PhoneContact_recordedById_receivedAt_idx" ON "PhoneContact"("recordedById", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_phoneContactId_childIndex_key" ON "Contact"("phoneContactId", "childIndex");

-- CreateIndex
CREATE INDEX "Contact_dateOfBirth_idx" ON "Contact"("dateOfBirth");

-- CreateIndex
CREATE INDEX "Contact_childName_idx" ON "Contact" USING GIN ("childName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Contact_allocatedToId_deadlineAt_idx" ON "Contact"("allocatedToId", "deadlineAt");

-- CreateIndex
CREATE INDEX "Contact_agencyId_idx" ON "Contact"("agencyId");

-- The two queue views, kept small by their WHERE clauses (schema.prisma cannot describe a partial index;
-- the drift test leaves partial indexes alone). New contacts, oldest first:
CREATE INDEX "Contact_queue_awaiting_idx" ON "Contact"("receivedAt", "id") WHERE "status" = 'AWAITING_RAG';
-- Rated and still open, soonest deadline first:
CREATE INDEX "Contact_queue_open_idx" ON "Contact"("deadlineAt", "id") WHERE "deadlineAt" IS NOT NULL AND "closedAt" IS NULL;

-- CreateIndex
CREATE INDEX "ContactRating_contactId_ratedAt_idx" ON "ContactRating"("contactId", "ratedAt");

-- CreateIndex
CREATE INDEX "ContactAllocation_contactId_allocatedAt_idx" ON "ContactAllocation"("contactId", "allocatedAt");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_contactId_idx" ON "Notification"("contactId");

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_phoneContactId_fkey" FOREIGN KEY ("phoneContactId") REFERENCES "PhoneContact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_allocatedToId_fkey" FOREIGN KEY ("allocatedToId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhoneContact" ADD CONSTRAINT "PhoneContact_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhoneContact" ADD CONSTRAINT "PhoneContact_followUpReferralId_fkey" FOREIGN KEY ("followUpReferralId") REFERENCES "Referral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactRating" ADD CONSTRAINT "ContactRating_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactRating" ADD CONSTRAINT "ContactRating_ratedById_fkey" FOREIGN KEY ("ratedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactAllocation" ADD CONSTRAINT "ContactAllocation_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactAllocation" ADD CONSTRAINT "ContactAllocation_socialWorkerId_fkey" FOREIGN KEY ("socialWorkerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactAllocation" ADD CONSTRAINT "ContactAllocation_allocatedById_fkey" FOREIGN KEY ("allocatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
