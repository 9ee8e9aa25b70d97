-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "vatStagger" INTEGER NOT NULL DEFAULT 1;
