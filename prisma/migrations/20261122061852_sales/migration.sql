-- CreateEnum
CREATE TYPE "ClientKind" AS ENUM ('PERSON', 'ORGANISATION');

-- CreateEnum
CREATE TYPE "EnquirySource" AS ENUM ('MANUAL', 'PUBLIC_FORM');

-- CreateEnum
CREATE TYPE "LineKind" AS ENUM ('LABOUR', 'MATERIALS', 'FIXED');

-- CreateEnum
CREATE TYPE "LinePlacement" AS ENUM ('BASE', 'OPTION', 'ADDON');

-- CreateEnum
CREATE TYPE "QuoteStatus" AS ENUM ('DRAFT', 'SENT', 'VIEWED', 'ACCEPTED', 'DECLINED', 'EXPIRED');

-- CreateTable
CREATE TABLE "Client" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "kind" "ClientKind" NOT NULL DEFAULT 'PERSON',
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "paymentTermsDays" INTEGER,
    "searchText" TEXT NOT NULL DEFAULT '',
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClientContact" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "role" TEXT,
    "receivesQuotes" BOOLEAN NOT NULL DEFAULT true,
    "receivesInvoices" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClientContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Site" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "label" TEXT,
    "addressLine1" TEXT NOT NULL,
    "addressLine2" TEXT,
    "town" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "accessNotes" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Note" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "authorId" UUID,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PipelineStage" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "colour" TEXT NOT NULL DEFAULT '#64748b',
    "isWon" BOOLEAN NOT NULL DEFAULT false,
    "isLost" BOOLEAN NOT NULL DEFAULT false,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PipelineStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enquiry" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "stageId" UUID NOT NULL,
    "ownerId" UUID,
    "source" "EnquirySource" NOT NULL DEFAULT 'MANUAL',
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "addressLine1" TEXT,
    "town" TEXT,
    "postcode" TEXT,
    "description" TEXT NOT NULL,
    "valuePence" INTEGER,
    "clientId" UUID,
    "siteId" UUID,
    "convertedAt" TIMESTAMP(3),
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Enquiry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PriceBookItem" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "kind" "LineKind" NOT NULL,
    "description" TEXT NOT NULL,
    "unit" TEXT,
    "unitPricePence" INTEGER NOT NULL,
    "markupBps" INTEGER NOT NULL DEFAULT 0,
    "vatRateBps" INTEGER,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PriceBookItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quote" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "clientId" UUID NOT NULL,
    "siteId" UUID,
    "enquiryId" UUID,
    "title" TEXT NOT NULL,
    "introduction" TEXT,
    "terms" TEXT,
    "status" "QuoteStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "validUntil" DATE NOT NULL,
    "grossPence" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID,
    "sentAt" TIMESTAMP(3),
    "viewedAt" TIMESTAMP(3),
    "respondedAt" TIMESTAMP(3),
    "responseComment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Quote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuoteLine" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "quoteId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "section" TEXT,
    "kind" "LineKind" NOT NULL,
    "description" TEXT NOT NULL,
    "quantityMilli" INTEGER NOT NULL,
    "unitPricePence" INTEGER NOT NULL,
    "markupBps" INTEGER NOT NULL DEFAULT 0,
    "discountBps" INTEGER NOT NULL DEFAULT 0,
    "vatRateBps" INTEGER,
    "placement" "LinePlacement" NOT NULL DEFAULT 'BASE',
    "groupName" TEXT,
    "optionName" TEXT,
    "addonName" TEXT,

    CONSTRAINT "QuoteLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuoteVersion" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "quoteId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "snapshotHash" TEXT NOT NULL,
    "grossPence" INTEGER NOT NULL,
    "pdfFileId" UUID,
    "sentById" UUID,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuoteVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuoteLink" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "quoteId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuoteLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agreement" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "quoteId" UUID NOT NULL,
    "quoteVersionId" UUID NOT NULL,
    "signerName" TEXT NOT NULL,
    "signatureFileId" UUID NOT NULL,
    "choice" JSONB NOT NULL,
    "grossPence" INTEGER NOT NULL,
    "snapshotHash" TEXT NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "certificateFileId" UUID,
    "acceptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Agreement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Client_companyId_archivedAt_id_idx" ON "Client"("companyId", "archivedAt", "id");

-- CreateIndex
CREATE INDEX "Client_companyId_name_idx" ON "Client"("companyId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Client_companyId_id_key" ON "Client"("companyId", "id");

-- CreateIndex
CREATE INDEX "ClientContact_companyId_clientId_idx" ON "ClientContact"("companyId", "clientId");

-- CreateIndex
CREATE UNIQUE INDEX "ClientContact_companyId_id_key" ON "ClientContact"("companyId", "id");

-- CreateIndex
CREATE INDEX "Site_companyId_clientId_idx" ON "Site"("companyId", "clientId");

-- CreateIndex
CREATE INDEX "Site_companyId_postcode_idx" ON "Site"("companyId", "postcode");

-- CreateIndex
CREATE UNIQUE INDEX "Site_companyId_id_key" ON "Site"("companyId", "id");

-- CreateIndex
CREATE INDEX "Note_companyId_entityType_entityId_id_idx" ON "Note"("companyId", "entityType", "entityId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Note_companyId_id_key" ON "Note"("companyId", "id");

-- CreateIndex
CREATE INDEX "PipelineStage_companyId_position_idx" ON "PipelineStage"("companyId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "PipelineStage_companyId_id_key" ON "PipelineStage"("companyId", "id");

-- CreateIndex
CREATE INDEX "Enquiry_companyId_stageId_id_idx" ON "Enquiry"("companyId", "stageId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Enquiry_companyId_id_key" ON "Enquiry"("companyId", "id");

-- CreateIndex
CREATE INDEX "PriceBookItem_companyId_description_idx" ON "PriceBookItem"("companyId", "description");

-- CreateIndex
CREATE UNIQUE INDEX "PriceBookItem_companyId_id_key" ON "PriceBookItem"("companyId", "id");

-- CreateIndex
CREATE INDEX "Quote_companyId_status_id_idx" ON "Quote"("companyId", "status", "id");

-- CreateIndex
CREATE INDEX "Quote_companyId_clientId_id_idx" ON "Quote"("companyId", "clientId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Quote_companyId_id_key" ON "Quote"("companyId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Quote_companyId_number_key" ON "Quote"("companyId", "number");

-- CreateIndex
CREATE INDEX "QuoteLine_companyId_quoteId_position_idx" ON "QuoteLine"("companyId", "quoteId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "QuoteLine_companyId_id_key" ON "QuoteLine"("companyId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "QuoteVersion_companyId_id_key" ON "QuoteVersion"("companyId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "QuoteVersion_companyId_quoteId_version_key" ON "QuoteVersion"("companyId", "quoteId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "QuoteLink_tokenHash_key" ON "QuoteLink"("tokenHash");

-- CreateIndex
CREATE INDEX "QuoteLink_companyId_quoteId_idx" ON "QuoteLink"("companyId", "quoteId");

-- CreateIndex
CREATE UNIQUE INDEX "QuoteLink_companyId_id_key" ON "QuoteLink"("companyId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_companyId_id_key" ON "Agreement"("companyId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Agreement_companyId_quoteId_key" ON "Agreement"("companyId", "quoteId");

-- AddForeignKey
ALTER TABLE "Client" ADD CONSTRAINT "Client_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClientContact" ADD CONSTRAINT "ClientContact_companyId_clientId_fkey" FOREIGN KEY ("companyId", "clientId") REFERENCES "Client"("companyId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Site" ADD CONSTRAINT "Site_companyId_clientId_fkey" FOREIGN KEY ("companyId", "clientId") REFERENCES "Client"("companyId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PipelineStage" ADD CONSTRAINT "PipelineStage_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enquiry" ADD CONSTRAINT "Enquiry_companyId_stageId_fkey" FOREIGN KEY ("companyId", "stageId") REFERENCES "PipelineStage"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enquiry" ADD CONSTRAINT "Enquiry_companyId_clientId_fkey" FOREIGN KEY ("companyId", "clientId") REFERENCES "Client"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enquiry" ADD CONSTRAINT "Enquiry_companyId_siteId_fkey" FOREIGN KEY ("companyId", "siteId") REFERENCES "Site"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriceBookItem" ADD CONSTRAINT "PriceBookItem_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_companyId_clientId_fkey" FOREIGN KEY ("companyId", "clientId") REFERENCES "Client"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_companyId_siteId_fkey" FOREIGN KEY ("companyId", "siteId") REFERENCES "Site"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_companyId_enquiryId_fkey" FOREIGN KEY ("companyId", "enquiryId") REFERENCES "Enquiry"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteLine" ADD CONSTRAINT "QuoteLine_companyId_quoteId_fkey" FOREIGN KEY ("companyId", "quoteId") REFERENCES "Quote"("companyId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteVersion" ADD CONSTRAINT "QuoteVersion_companyId_quoteId_fkey" FOREIGN KEY ("companyId", "quoteId") REFERENCES "Quote"("companyId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteLink" ADD CONSTRAINT "QuoteLink_companyId_quoteId_fkey" FOREIGN KEY ("companyId", "quoteId") REFERENCES "Quote"("companyId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_companyId_quoteId_fkey" FOREIGN KEY ("companyId", "quoteId") REFERENCES "Quote"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_companyId_quoteVersionId_fkey" FOREIGN KEY ("companyId", "quoteVersionId") REFERENCES "QuoteVersion"("companyId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;
