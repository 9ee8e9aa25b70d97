-- CreateEnum
CREATE TYPE "UnappliedPaymentStatus" AS ENUM ('OPEN', 'REFUNDED', 'RESOLVED');

-- AlterTable
ALTER TABLE "CreditNote" ADD COLUMN     "cisReversedPence" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "CreditNoteLine" ADD COLUMN     "kind" "LineKind";

-- CreateTable
CREATE TABLE "UnappliedPayment" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "amountPence" INTEGER NOT NULL,
    "stripePaymentIntentId" TEXT NOT NULL,
    "stripeCheckoutId" TEXT,
    "stripeEventId" TEXT,
    "reason" TEXT NOT NULL,
    "status" "UnappliedPaymentStatus" NOT NULL DEFAULT 'OPEN',
    "stripeRefundId" TEXT,
    "resolvedById" UUID,
    "resolvedAt" TIMESTAMP(3),
    "resolutionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnappliedPayment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UnappliedPayment_companyId_status_createdAt_idx" ON "UnappliedPayment"("companyId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "UnappliedPayment_companyId_id_key" ON "UnappliedPayment"("companyId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "UnappliedPayment_companyId_stripePaymentIntentId_key" ON "UnappliedPayment"("companyId", "stripePaymentIntentId");

-- AddForeignKey
ALTER TABLE "UnappliedPayment" ADD CONSTRAINT "UnappliedPayment_companyId_invoiceId_fkey" FOREIGN KEY ("companyId", "invoiceId") REFERENCES "Invoice"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
