-- CreateIndex
CREATE INDEX "PaymentRefund_companyId_refundedOn_idx" ON "PaymentRefund"("companyId", "refundedOn");
