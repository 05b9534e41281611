-- Screening to outcome: information requests to partner agencies, the screening record, the manager's
-- decision, partners' challenges, the Red strategy meeting, CFSS coordinators' actions and the outcome
-- letter. Written by hand in Prisma's format (docs/decisions/0002).

-- AlterEnum (not used below: a new value cannot be used in the transaction that adds it)
ALTER TYPE "ContactStatus" ADD VALUE 'WITH_CFSS';

-- CreateEnum
CREATE TYPE "KnownToAgency" AS ENUM ('OPEN', 'KNOWN_NOT_OPEN', 'NOT_KNOWN');

-- CreateEnum
CREATE TYPE "ScreeningOutcome" AS ENUM ('NO_FURTHER_ACTION', 'SIGNPOST', 'PARTNERSHIP_SUPPORT', 'CHILD_AND_FAMILY_ASSESSMENT', 'STRATEGY_DISCUSSION', 'ALREADY_OPEN', 'RETURN_FOR_CONSENT');

-- CreateEnum
CREATE TYPE "DecisionStance" AS ENUM ('ENDORSED', 'STEPPED_UP', 'STEPPED_DOWN');

-- CreateEnum
CREATE TYPE "StrategyDecision" AS ENUM ('SECTION_47_ENQUIRY', 'SINGLE_AGENCY_POLICE_INVESTIGATION', 'CHILD_AND_FAMILY_ASSESSMENT', 'NO_FURTHER_ACTION');

-- CreateEnum
CREATE TYPE "CfssActionKind" AS ENUM ('ADVICE_AND_SIGNPOSTING', 'ALLOCATED_TO_LOCALITY', 'OPEN_TO_TARGETED_SERVICES', 'ESCALATED_TO_MASH', 'CLOSED');

-- AlterTable: the CFSS coordinators' 3-working-day clock, for Green contacts and early-help requests.
ALTER TABLE "Contact" ADD COLUMN "triageDueAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "InformationRequest" (
    "id" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "agencyKind" "AgencyKind" NOT NULL,
    "question" TEXT NOT NULL,
    "requestedById" UUID NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "holds" TEXT,
    "history" TEXT,
    "analysis" TEXT,
    "knownToAgency" "KnownToAgency",
    "answeredById" UUID,
    "answeredAt" TIMESTAMPTZ(3),

    CONSTRAINT "InformationRequest_pkey" PRIMARY KEY ("id"),
    -- An answer is whole: what we hold, the history, our analysis, whether the family is open to us.
    CONSTRAINT "InformationRequest_answer_check" CHECK (
      ("answeredAt" IS NULL AND "answeredById" IS NULL AND "holds" IS NULL AND "analysis" IS NULL AND "knownToAgency" IS NULL)
      OR ("answeredAt" IS NOT NULL AND "answeredById" IS NOT NULL AND "holds" IS NOT NULL AND "analysis" IS NOT NULL AND "knownToAgency" IS NOT NULL)
    ),
    CONSTRAINT "InformationRequest_agency_check" CHECK ("agencyKind" NOT IN ('CHILDRENS_SOCIAL_CARE', 'VOLUNTARY'))
);

-- CreateTable
CREATE TABLE "Screening" (
    "id" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "worries" TEXT NOT NULL,
    "workingWell" TEXT NOT NULL,
    "needsToHappen" TEXT NOT NULL,
    "scale" INTEGER NOT NULL,
    "analysis" TEXT NOT NULL,
    "recommendation" "ScreeningOutcome" NOT NULL,
    "reasons" TEXT NOT NULL,
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Screening_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Screening_scale_check" CHECK ("scale" BETWEEN 0 AND 10)
);

-- CreateTable
CREATE TABLE "ManagementDecision" (
    "id" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "screeningId" UUID NOT NULL,
    "outcome" "ScreeningOutcome" NOT NULL,
    "stance" "DecisionStance" NOT NULL,
    "rationale" TEXT NOT NULL,
    "decidedById" UUID NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ManagementDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Challenge" (
    "id" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "raisedById" UUID NOT NULL,
    "raisedAt" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "escalatedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decision" TEXT,

    CONSTRAINT "Challenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StrategyMeeting" (
    "id" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "priority" TEXT NOT NULL,
    "agreedAt" TIMESTAMPTZ(3) NOT NULL,
    "heldAt" TIMESTAMPTZ(3),
    "attendees" JSONB NOT NULL DEFAULT '[]',
    "informationShared" TEXT,
    "decision" "StrategyDecision",
    "actions" JSONB NOT NULL DEFAULT '[]',
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StrategyMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CfssAction" (
    "id" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "kind" "CfssActionKind" NOT NULL,
    "worries" TEXT NOT NULL,
    "workingWell" TEXT NOT NULL,
    "needsToHappen" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "locality" TEXT,
    "oversightBy" TEXT,
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CfssAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutcomeLetter" (
    "id" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "outcome" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sentTo" TEXT,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OutcomeLetter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InformationRequest_contactId_requestedAt_idx" ON "InformationRequest"("contactId", "requestedAt");

-- CreateIndex
CREATE INDEX "InformationRequest_agencyKind_answeredAt_dueAt_idx" ON "InformationRequest"("agencyKind", "answeredAt", "dueAt");

-- One open request an agency a contact: asking again while the first is unanswered is a mistake.
CREATE UNIQUE INDEX "InformationRequest_open_key" ON "InformationRequest"("contactId", "agencyKind") WHERE "answeredAt" IS NULL;

-- CreateIndex
CREATE INDEX "Screening_contactId_recordedAt_idx" ON "Screening"("contactId", "recordedAt");

-- CreateIndex
CREATE INDEX "ManagementDecision_contactId_decidedAt_idx" ON "ManagementDecision"("contactId", "decidedAt");

-- CreateIndex
CREATE INDEX "Challenge_contactId_raisedAt_idx" ON "Challenge"("contactId", "raisedAt");

-- CreateIndex
CREATE INDEX "StrategyMeeting_contactId_agreedAt_idx" ON "StrategyMeeting"("contactId", "agreedAt");

-- CreateIndex
CREATE INDEX "CfssAction_contactId_recordedAt_idx" ON "CfssAction"("contactId", "recordedAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeLetter_contactId_key" ON "OutcomeLetter"("contactId");

-- The CFSS coordinators' queue: open contacts with a triage clock, soonest first.
CREATE INDEX "Contact_queue_cfss_idx" ON "Contact"("triageDueAt", "id") WHERE "triageDueAt" IS NOT NULL AND "closedAt" IS NULL;

-- AddForeignKey
ALTER TABLE "InformationRequest" ADD CONSTRAINT "InformationRequest_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformationRequest" ADD CONSTRAINT "InformationRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InformationRequest" ADD CONSTRAINT "InformationRequest_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Screening" ADD CONSTRAINT "Screening_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Screening" ADD CONSTRAINT "Screening_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ManagementDecision" ADD CONSTRAINT "ManagementDecision_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ManagementDecision" ADD CONSTRAINT "ManagementDecision_screeningId_fkey" FOREIGN KEY ("screeningId") REFERENCES "Screening"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ManagementDecision" ADD CONSTRAINT "ManagementDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Challenge" ADD CONSTRAINT "Challenge_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Challenge" ADD CONSTRAINT "Challenge_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Challenge" ADD CONSTRAINT "Challenge_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyMeeting" ADD CONSTRAINT "StrategyMeeting_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StrategyMeeting" ADD CONSTRAINT "StrategyMeeting_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CfssAction" ADD CONSTRAINT "CfssAction_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CfssAction" ADD CONSTRAINT "CfssAction_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeLetter" ADD CONSTRAINT "OutcomeLetter_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
