-- AlterTable
ALTER TABLE "Ceremony" ADD COLUMN     "signingConsent" TEXT NOT NULL DEFAULT '{}';

