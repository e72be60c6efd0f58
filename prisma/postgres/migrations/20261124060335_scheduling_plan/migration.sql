-- AlterTable
ALTER TABLE "Ceremony" ADD COLUMN     "invitationsSentAt" TIMESTAMP(3),
ADD COLUMN     "signingPlan" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "signingSequence" TEXT NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "AgreementDocument" ADD COLUMN     "pageSizes" TEXT NOT NULL DEFAULT '[]';

