-- AlterTable
ALTER TABLE "AgreementDocument" ADD COLUMN     "specimenOfId" TEXT;

-- CreateIndex
CREATE INDEX "AgreementDocument_specimenOfId_idx" ON "AgreementDocument"("specimenOfId");

