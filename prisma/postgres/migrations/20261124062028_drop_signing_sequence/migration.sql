-- AlterTable
ALTER TABLE "Ceremony" DROP COLUMN "signingSequence";

