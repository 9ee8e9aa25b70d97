-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('DRAFT', 'ISSUED', 'PART_PAID', 'PAID', 'VOID');

-- CreateEnum
CREATE TYPE "InvoiceKind" AS ENUM ('STANDARD', 'DEPOSIT', 'FINAL');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('CARD', 'BANK_TRANSFER', 'CASH', 'CHEQUE', 'OTHER');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "VatAccountingBasis" AS ENUM ('ACCRUAL', 'CASH');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('SCHEDULED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'INVOICED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "UnavailabilityKind" AS ENUM ('LEAVE', 'SICK', 'TRAINING', 'OTHER');

-- CreateEnum
CREATE TYPE "TimeEntrySource" AS ENUM ('CLOCK', 'MANUAL');

-- CreateEnum
CREATE TYPE "TimesheetStatus" AS ENUM ('OPEN', 'SUBMITTED', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "SyncActionStatus" AS ENUM ('APPLIED', 'CONFLICT', 'REJECTED');

-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "allowPartPayments" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "bankAccountName" TEXT,
ADD COLUMN     "bankAccountNumber" TEXT,
ADD COLUMN     "bankSortCode" TEXT,
ADD COLUMN     "lateFeeLargePence" INTEGER NOT NULL DEFAULT 10000,
ADD COLUMN     "lateFeeMediumPence" INTEGER NOT NULL DEFAULT 7000,
ADD COLUMN     "lateFeeSmallPence" INTEGER NOT NULL DEFAULT 4000,
ADD COLUMN     "lateInterestBaseRateBps" INTEGER NOT NULL DEFAULT 400,
ADD COLUMN     "lateInterestEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lateInterestMarginBps" INTEGER NOT NULL DEFAULT 800,
ADD COLUMN     "reminderCadenceDays" INTEGER[] DEFAULT ARRAY[7, 14, 21]::INTEGER[],
ADD COLUMN     "stripeAccountId" TEXT,
ADD COLUMN     "stripeChargesEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "stripeDetailsSubmitted" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "vatAccountingBasis" "VatAccountingBasis" NOT NULL DEFAULT 'ACCRUAL',
ADD COLUMN     "workdayEndMinute" INTEGER NOT NULL DEFAULT 1050,
ADD COLUMN     "workdayStartMinute" INTEGER NOT NULL DEFAULT 480,
ADD COLUMN     "workingDays" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[];

-- AlterTable
ALTER TABLE "Client" ADD COLUMN     "cisContractor" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "cisRateBps" INTEGER,
ADD COLUMN     "reverseChargeEndUser" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "vatNumber" TEXT,
ADD COLUMN     "vatRegistered" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Quote" ADD COLUMN     "depositBps" INTEGER,
ADD COLUMN     "depositPence" INTEGER;

-- CreateTable
CREATE TABLE "Invoice" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "number" TEXT,
    "kind" "InvoiceKind" NOT NULL DEFAULT 'STANDARD',
    "status" "InvoiceStatus" NOT NULL DEFAULT 'DRAFT',
    "clientId" UUID NOT NULL,
    "siteId" UUID,
    "quoteId" UUID,
    "jobId" UUID,
    "title" TEXT NOT NULL,
    "notes" TEXT,
    "issueDate" DATE,
    "supplyDate" DATE,
    "dueDate" DATE,
    "paymentTermsDays" INTEGER,
    "reverseCharge" BOOLEAN NOT NULL DEFAULT false,
    "cisRateBps" INTEGER,
    "netPence" INTEGER NOT NULL DEFAULT 0,
    "vatPence" INTEGER NOT NULL DEFAULT 0,
    "grossPence" INTEGER NOT NULL DEFAULT 0,
    "cisDeductionPence" INTEGER NOT NULL DEFAULT 0,
    "payablePence" INTEGER NOT NULL DEFAULT 0,
    "paidPence" INTEGER NOT NULL DEFAULT 0,
    "creditedPence" INTEGER NOT NULL DEFAULT 0,
    "snapshot" JSONB,
    "pdfFileId" UUID,
    "createdById" UUID,
    "issuedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "paidAt" TIMESTAMP(3),
    "voidedAt" TIMESTAMP(3),
    "voidReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceLine" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "section" TEXT,
    "kind" "LineKind" NOT NULL,
    "description" TEXT NOT NULL,
    "quantityMilli" INTEGER NOT NULL,
    "unitPricePence" INTEGER NOT NULL,
    "discountBps" INTEGER NOT NULL DEFAULT 0,
    "vatRateBps" INTEGER,
    "vatRuleKey" TEXT,
    "netPence" INTEGER NOT NULL DEFAULT 0,
    "vatPence" INTEGER NOT NULL DEFAULT 0,
    "sourceType" TEXT,
    "sourceId" UUID,

    CONSTRAINT "InvoiceLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceLink" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvoiceLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditNote" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "invoiceId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "issueDate" DATE NOT NULL,
    "netPence" INTEGER NOT NULL,
    "vatPence" INTEGER NOT NULL,
    "grossPence" INTEGER NOT NULL,
    "snapshot" JSONB,
    "pdfFileId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditNoteLine" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "creditNoteId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "netPence" INTEGER NOT NULL,
    "vatRateBps" INTEGER,
    "vatPence" INTEGER NOT NULL,

    CONSTRAINT "CreditNoteLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'SUCCEEDED',
    "amountPence" INTEGER NOT NULL,
    "cisDeductionPence" INTEGER NOT NULL DEFAULT 0,
    "refundedPence" INTEGER NOT NULL DEFAULT 0,
    "receivedOn" DATE NOT NULL,
    "reference" TEXT,
    "stripePaymentIntentId" TEXT,
    "stripeCheckoutId" TEXT,
    "recordedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentRefund" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "paymentId" UUID NOT NULL,
    "amountPence" INTEGER NOT NULL,
    "reason" TEXT,
    "stripeRefundId" TEXT,
    "refundedOn" DATE NOT NULL,
    "recordedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentRefund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeCheckoutSession" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "stripeSessionId" TEXT NOT NULL,
    "stripeAccountId" TEXT NOT NULL,
    "amountPence" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StripeCheckoutSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "accountId" TEXT,
    "payload" JSONB NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceReminder" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "stage" INTEGER NOT NULL,
    "balancePence" INTEGER NOT NULL,
    "interestPence" INTEGER NOT NULL DEFAULT 0,
    "compensationPence" INTEGER NOT NULL DEFAULT 0,
    "emailMessageId" UUID,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InvoiceReminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "clientId" UUID NOT NULL,
    "siteId" UUID,
    "quoteId" UUID,
    "title" TEXT NOT NULL,
    "scope" TEXT,
    "status" "JobStatus" NOT NULL DEFAULT 'SCHEDULED',
    "estimatedMinutes" INTEGER,
    "budgetNetPence" INTEGER NOT NULL DEFAULT 0,
    "onHoldReason" TEXT,
    "cancelledReason" TEXT,
    "completedAt" TIMESTAMP(3),
    "completedById" UUID,
    "completionSignerName" TEXT,
    "completionSignatureFileId" UUID,
    "completionOverrideReason" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobBudgetLine" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "jobId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "section" TEXT,
    "kind" "LineKind" NOT NULL,
    "description" TEXT NOT NULL,
    "quantityMilli" INTEGER NOT NULL,
    "unitPricePence" INTEGER NOT NULL,
    "discountBps" INTEGER NOT NULL DEFAULT 0,
    "vatRateBps" INTEGER,
    "netPence" INTEGER NOT NULL,

    CONSTRAINT "JobBudgetLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobAssignment" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "jobId" UUID NOT NULL,
    "engineerId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduleEntry" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "jobId" UUID NOT NULL,
    "engineerId" UUID NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "notes" TEXT,
    "overrideReason" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScheduleEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EngineerUnavailability" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "engineerId" UUID NOT NULL,
    "kind" "UnavailabilityKind" NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "note" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EngineerUnavailability_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistTemplate" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "familyId" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "supersededAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChecklistTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistTemplateItem" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "templateId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT,
    "required" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "ChecklistTemplateItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobChecklist" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "jobId" UUID NOT NULL,
    "templateId" UUID,
    "templateVersion" INTEGER,
    "title" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobChecklist_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobChecklistItem" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "jobChecklistId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT,
    "required" BOOLEAN NOT NULL DEFAULT true,
    "completedAt" TIMESTAMP(3),
    "completedById" UUID,

    CONSTRAINT "JobChecklistItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobFile" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "jobId" UUID NOT NULL,
    "fileId" UUID NOT NULL,
    "caption" TEXT,
    "takenAt" TIMESTAMP(3),
    "uploadedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TimeEntry" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "engineerId" UUID NOT NULL,
    "jobId" UUID,
    "timesheetId" UUID,
    "source" "TimeEntrySource" NOT NULL DEFAULT 'MANUAL',
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "breakMinutes" INTEGER NOT NULL DEFAULT 0,
    "breakStartedAt" TIMESTAMP(3),
    "notes" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TimeEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Timesheet" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "engineerId" UUID NOT NULL,
    "weekStart" DATE NOT NULL,
    "status" "TimesheetStatus" NOT NULL DEFAULT 'OPEN',
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "decidedById" UUID,
    "rejectionReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Timesheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncAction" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "clientActionId" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "jobId" UUID,
    "type" TEXT NOT NULL,
    "status" "SyncActionStatus" NOT NULL,
    "result" JSONB,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SyncAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Invoice_companyId_status_id_idx" ON "Invoice"("companyId", "status", "id");

-- CreateIndex
CREATE INDEX "Invoice_companyId_clientId_id_idx" ON "Invoice"("companyId", "clientId", "id");

-- CreateIndex
CREATE INDEX "Invoice_companyId_status_dueDate_idx" ON "Invoice"("companyId", "status", "dueDate");

-- CreateIndex
CREATE INDEX "Invoice_companyId_issueDate_idx" ON "Invoice"("companyId", "issueDate");

-- CreateIndex
CREATE INDEX "Invoice_companyId_jobId_idx" ON "Invoice"("companyId", "jobId");

-- CreateIndex
CREATE INDEX "Invoice_companyId_quoteId_idx" ON "Invoice"("companyId", "quoteId");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_companyId_id_key" ON "Invoice"("companyId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_companyId_number_key" ON "Invoice"("companyId", "number");

-- CreateIndex
CREATE INDEX "InvoiceLine_companyId_invoiceId_position_idx" ON "InvoiceLine"("companyId", "invoiceId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceLine_companyId_id_key" ON "InvoiceLine"("companyId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceLink_tokenHash_key" ON "InvoiceLink"("tokenHash");

-- CreateIndex
CREATE INDEX "InvoiceLink_companyId_invoiceId_idx" ON "InvoiceLink"("companyId", "invoiceId");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceLink_companyId_id_key" ON "InvoiceLink"("companyId", "id");

-- CreateIndex
CREATE INDEX "CreditNote_companyId_invoiceId_idx" ON "CreditNote"("companyId", "invoiceId");

-- CreateIndex
CREATE INDEX "CreditNote_companyId_issueDate_idx" ON "CreditNote"("companyId", "issueDate");

-- CreateIndex
CREATE UNIQUE INDEX "CreditNote_companyId_id_key" ON "CreditNote"("companyId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "CreditNote_companyId_number_key" ON "CreditNote"("companyId", "number");

-- CreateIndex
CREATE INDEX "CreditNoteLine_companyId_creditNoteId_idx" ON "CreditNoteLine"("companyId", "creditNoteId");

-- CreateIndex
CREATE UNIQUE INDEX "CreditNoteLine_companyId_id_key" ON "CreditNoteLine"("companyId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_stripePaymentIntentId_key" ON "Payment"("stripePaymentIntentId");

-- CreateIndex
CREATE INDEX "Payment_companyId_invoiceId_idx" ON "Payment"("companyId", "invoiceId");

-- CreateIndex
CREATE INDEX "Payment_companyId_receivedOn_idx" ON "Payment"("companyId", "receivedOn");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_companyId_id_key" ON "Payment"("companyId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentRefund_stripeRefundId_key" ON "PaymentRefund"("stripeRefundId");

-- CreateIndex
CREATE INDEX "PaymentRefund_companyId_paymentId_idx" ON "PaymentRefund"("companyId", "paymentId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentRefund_companyId_id_key" ON "PaymentRefund"("companyId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "StripeCheckoutSession_stripeSessionId_key" ON "StripeCheckoutSession"("stripeSessionId");

-- CreateIndex
CREATE INDEX "StripeCheckoutSession_companyId_invoiceId_idx" ON "StripeCheckoutSession"("companyId", "invoiceId");

-- CreateIndex
CREATE UNIQUE INDEX "StripeCheckoutSession_companyId_id_key" ON "StripeCheckoutSession"("companyId", "id");

-- CreateIndex
CREATE INDEX "StripeEvent_receivedAt_idx" ON "StripeEvent"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceReminder_companyId_id_key" ON "InvoiceReminder"("companyId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceReminder_companyId_invoiceId_stage_key" ON "InvoiceReminder"("companyId", "invoiceId", "stage");

-- CreateIndex
CREATE INDEX "Job_companyId_status_id_idx" ON "Job"("companyId", "status", "id");

-- CreateIndex
CREATE INDEX "Job_companyId_clientId_id_idx" ON "Job"("companyId", "clientId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Job_companyId_id_key" ON "Job"("companyId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Job_companyId_number_key" ON "Job"("companyId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Job_companyId_quoteId_key" ON "Job"("companyId", "quoteId");

-- CreateIndex
CREATE INDEX "JobBudgetLine_companyId_jobId_position_idx" ON "JobBudgetLine"("companyId", "jobId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "JobBudgetLine_companyId_id_key" ON "JobBudgetLine"("companyId", "id");

-- CreateIndex
CREATE INDEX "JobAssignment_companyId_engineerId_idx" ON "JobAssignment"("companyId", "engineerId");

-- CreateIndex
CREATE UNIQUE INDEX "JobAssignment_companyId_id_key" ON "JobAssignment"("companyId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "JobAssignment_companyId_jobId_engineerId_key" ON "JobAssignment"("companyId", "jobId", "engineerId");

-- CreateIndex
CREATE INDEX "ScheduleEntry_companyId_startsAt_idx" ON "ScheduleEntry"("companyId", "startsAt");

-- CreateIndex
CREATE INDEX "ScheduleEntry_companyId_engineerId_startsAt_idx" ON "ScheduleEntry"("companyId", "engineerId", "startsAt");

-- CreateIndex
CREATE INDEX "ScheduleEntry_companyId_jobId_idx" ON "ScheduleEntry"("companyId", "jobId");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduleEntry_companyId_id_key" ON "ScheduleEntry"("companyId", "id");

-- CreateIndex
CREATE INDEX "EngineerUnavailability_companyId_engineerId_startsAt_idx" ON "EngineerUnavailability"("companyId", "engineerId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "EngineerUnavailability_companyId_id_key" ON "EngineerUnavailability"("companyId", "id");

-- CreateIndex
CREATE INDEX "ChecklistTemplate_companyId_archivedAt_id_idx" ON "ChecklistTemplate"("companyId", "archivedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistTemplate_companyId_id_key" ON "ChecklistTemplate"("companyId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistTemplate_companyId_familyId_version_key" ON "ChecklistTemplate"("companyId", "familyId", "version");

-- CreateIndex
CREATE INDEX "ChecklistTemplateItem_companyId_templateId_position_idx" ON "ChecklistTemplateItem"("companyId", "templateId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistTemplateItem_companyId_id_key" ON "ChecklistTemplateItem"("companyId", "id");

-- CreateIndex
CREATE INDEX "JobChecklist_companyId_jobId_idx" ON "JobChecklist"("companyId", "jobId");

-- CreateIndex
CREATE UNIQUE INDEX "JobChecklist_companyId_id_key" ON "JobChecklist"("companyId", "id");

-- CreateIndex
CREATE INDEX "JobChecklistItem_companyId_jobChecklistId_position_idx" ON "JobChecklistItem"("companyId", "jobChecklistId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "JobChecklistItem_companyId_id_key" ON "JobChecklistItem"("companyId", "id");

-- CreateIndex
CREATE INDEX "JobFile_companyId_jobId_idx" ON "JobFile"("companyId", "jobId");

-- CreateIndex
CREATE UNIQUE INDEX "JobFile_companyId_id_key" ON "JobFile"("companyId", "id");

-- CreateIndex
CREATE INDEX "TimeEntry_companyId_engineerId_startedAt_idx" ON "TimeEntry"("companyId", "engineerId", "startedAt");

-- CreateIndex
CREATE INDEX "TimeEntry_companyId_jobId_idx" ON "TimeEntry"("companyId", "jobId");

-- CreateIndex
CREATE UNIQUE INDEX "TimeEntry_companyId_id_key" ON "TimeEntry"("companyId", "id");

-- CreateIndex
CREATE INDEX "Timesheet_companyId_status_weekStart_idx" ON "Timesheet"("companyId", "status", "weekStart");

-- CreateIndex
CREATE UNIQUE INDEX "Timesheet_companyId_id_key" ON "Timesheet"("companyId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Timesheet_companyId_engineerId_weekStart_key" ON "Timesheet"("companyId", "engineerId", "weekStart");

-- CreateIndex
CREATE INDEX "SyncAction_companyId_userId_receivedAt_idx" ON "SyncAction"("companyId", "userId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SyncAction_companyId_id_key" ON "SyncAction"("companyId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "SyncAction_companyId_clientActionId_key" ON "SyncAction"("companyId", "clientActionId");

-- CreateIndex
CREATE UNIQUE INDEX "Company_stripeAccountId_key" ON "Company"("stripeAccountId");

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_companyId_clientId_fkey" FOREIGN KEY ("companyId", "clientId") REFERENCES "Client"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_companyId_siteId_fkey" FOREIGN KEY ("companyId", "siteId") REFERENCES "Site"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_companyId_quoteId_fkey" FOREIGN KEY ("companyId", "quoteId") REFERENCES "Quote"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_companyId_jobId_fkey" FOREIGN KEY ("companyId", "jobId") REFERENCES "Job"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_companyId_invoiceId_fkey" FOREIGN KEY ("companyId", "invoiceId") REFERENCES "Invoice"("companyId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLink" ADD CONSTRAINT "InvoiceLink_companyId_invoiceId_fkey" FOREIGN KEY ("companyId", "invoiceId") REFERENCES "Invoice"("companyId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditNote" ADD CONSTRAINT "CreditNote_companyId_invoiceId_fkey" FOREIGN KEY ("companyId", "invoiceId") REFERENCES "Invoice"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CreditNoteLine" ADD CONSTRAINT "CreditNoteLine_companyId_creditNoteId_fkey" FOREIGN KEY ("companyId", "creditNoteId") REFERENCES "CreditNote"("companyId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_companyId_invoiceId_fkey" FOREIGN KEY ("companyId", "invoiceId") REFERENCES "Invoice"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentRefund" ADD CONSTRAINT "PaymentRefund_companyId_paymentId_fkey" FOREIGN KEY ("companyId", "paymentId") REFERENCES "Payment"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StripeCheckoutSession" ADD CONSTRAINT "StripeCheckoutSession_companyId_invoiceId_fkey" FOREIGN KEY ("companyId", "invoiceId") REFERENCES "Invoice"("companyId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceReminder" ADD CONSTRAINT "InvoiceReminder_companyId_invoiceId_fkey" FOREIGN KEY ("companyId", "invoiceId") REFERENCES "Invoice"("companyId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_companyId_clientId_fkey" FOREIGN KEY ("companyId", "clientId") REFERENCES "Client"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_companyId_siteId_fkey" FOREIGN KEY ("companyId", "siteId") REFERENCES "Site"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Job" ADD CONSTRAINT "Job_companyId_quoteId_fkey" FOREIGN KEY ("companyId", "quoteId") REFERENCES "Quote"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobBudgetLine" ADD CONSTRAINT "JobBudgetLine_companyId_jobId_fkey" FOREIGN KEY ("companyId", "jobId") REFERENCES "Job"("companyId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobAssignment" ADD CONSTRAINT "JobAssignment_companyId_jobId_fkey" FOREIGN KEY ("companyId", "jobId") REFERENCES "Job"("companyId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobAssignment" ADD CONSTRAINT "JobAssignment_companyId_engineerId_fkey" FOREIGN KEY ("companyId", "engineerId") REFERENCES "CompanyMembership"("companyId", "userId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduleEntry" ADD CONSTRAINT "ScheduleEntry_companyId_jobId_fkey" FOREIGN KEY ("companyId", "jobId") REFERENCES "Job"("companyId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduleEntry" ADD CONSTRAINT "ScheduleEntry_companyId_engineerId_fkey" FOREIGN KEY ("companyId", "engineerId") REFERENCES "CompanyMembership"("companyId", "userId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EngineerUnavailability" ADD CONSTRAINT "EngineerUnavailability_companyId_engineerId_fkey" FOREIGN KEY ("companyId", "engineerId") REFERENCES "CompanyMembership"("companyId", "userId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistTemplateItem" ADD CONSTRAINT "ChecklistTemplateItem_companyId_templateId_fkey" FOREIGN KEY ("companyId", "templateId") REFERENCES "ChecklistTemplate"("companyId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobChecklist" ADD CONSTRAINT "JobChecklist_companyId_jobId_fkey" FOREIGN KEY ("companyId", "jobId") REFERENCES "Job"("companyId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobChecklistItem" ADD CONSTRAINT "JobChecklistItem_companyId_jobChecklistId_fkey" FOREIGN KEY ("companyId", "jobChecklistId") REFERENCES "JobChecklist"("companyId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobFile" ADD CONSTRAINT "JobFile_companyId_jobId_fkey" FOREIGN KEY ("companyId", "jobId") REFERENCES "Job"("companyId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeEntry" ADD CONSTRAINT "TimeEntry_companyId_engineerId_fkey" FOREIGN KEY ("companyId", "engineerId") REFERENCES "CompanyMembership"("companyId", "userId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeEntry" ADD CONSTRAINT "TimeEntry_companyId_jobId_fkey" FOREIGN KEY ("companyId", "jobId") REFERENCES "Job"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TimeEntry" ADD CONSTRAINT "TimeEntry_companyId_timesheetId_fkey" FOREIGN KEY ("companyId", "timesheetId") REFERENCES "Timesheet"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Timesheet" ADD CONSTRAINT "Timesheet_companyId_engineerId_fkey" FOREIGN KEY ("companyId", "engineerId") REFERENCES "CompanyMembership"("companyId", "userId") ON DELETE RESTRICT ON UPDATE CASCADE;
