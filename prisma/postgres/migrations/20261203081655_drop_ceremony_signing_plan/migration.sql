-- AlterTable
ALTER TABLE "Ceremony" DROP COLUMN "signingPlan";

