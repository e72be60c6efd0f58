-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Ceremony" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "placeName" TEXT NOT NULL DEFAULT '',
    "state" TEXT NOT NULL DEFAULT 'DRAFT',
    "scheduledStart" DATETIME NOT NULL,
    "scheduledEnd" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL,
    "rehearsalStart" DATETIME,
    "signingOrder" TEXT NOT NULL DEFAULT 'sequential',
    "roomName" TEXT NOT NULL,
    "icsSequence" INTEGER NOT NULL DEFAULT 0,
    "invitationsSentAt" DATETIME,
    "signingSequence" TEXT NOT NULL DEFAULT '[]',
    "signingPlan" TEXT NOT NULL DEFAULT '[]',
    "lobbyOpen" BOOLEAN NOT NULL DEFAULT false,
    "pagesReleasedAt" DATETIME,
    "publicSummaryPublishedAt" DATETIME,
    "legalHold" BOOLEAN NOT NULL DEFAULT false,
    "legalHoldReason" TEXT,
    "currentStepId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "signingOpenedAt" DATETIME,
    "concludedAt" DATETIME,
    "archivedAt" DATETIME,
    "cancelledAt" DATETIME
);
INSERT INTO "new_Ceremony" ("archivedAt", "cancelledAt", "concludedAt", "createdAt", "createdById", "currentStepId", "description", "icsSequence", "id", "legalHold", "legalHoldReason", "lobbyOpen", "pagesReleasedAt", "placeName", "publicSummaryPublishedAt", "rehearsalStart", "roomName", "scheduledEnd", "scheduledStart", "signingOpenedAt", "signingOrder", "state", "timeZone", "title", "updatedAt") SELECT "archivedAt", "cancelledAt", "concludedAt", "createdAt", "createdById", "currentStepId", "description", "icsSequence", "id", "legalHold", "legalHoldReason", "lobbyOpen", "pagesReleasedAt", "placeName", "publicSummaryPublishedAt", "rehearsalStart", "roomName", "scheduledEnd", "scheduledStart", "signingOpenedAt", "signingOrder", "state", "timeZone", "title", "updatedAt" FROM "Ceremony";
DROP TABLE "Ceremony";
ALTER TABLE "new_Ceremony" RENAME TO "Ceremony";
CREATE UNIQUE INDEX "Ceremony_roomName_key" ON "Ceremony"("roomName");
CREATE INDEX "Ceremony_state_scheduledStart_idx" ON "Ceremony"("state", "scheduledStart");
CREATE TABLE "new_AgreementDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ceremonyId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "authentic" BOOLEAN NOT NULL DEFAULT true,
    "originalForDelegationId" TEXT,
    "specimen" BOOLEAN NOT NULL DEFAULT false,
    "originalSha256" TEXT NOT NULL,
    "originalByteSize" INTEGER NOT NULL,
    "pageCount" INTEGER NOT NULL,
    "pageSizes" TEXT NOT NULL DEFAULT '[]',
    "uploadedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AgreementDocument_ceremonyId_fkey" FOREIGN KEY ("ceremonyId") REFERENCES "Ceremony" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AgreementDocument_originalForDelegationId_fkey" FOREIGN KEY ("originalForDelegationId") REFERENCES "Delegation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_AgreementDocument" ("authentic", "ceremonyId", "createdAt", "fileName", "id", "language", "originalByteSize", "originalForDelegationId", "originalSha256", "pageCount", "specimen", "title", "uploadedById") SELECT "authentic", "ceremonyId", "createdAt", "fileName", "id", "language", "originalByteSize", "originalForDelegationId", "originalSha256", "pageCount", "specimen", "title", "uploadedById" FROM "AgreementDocument";
DROP TABLE "AgreementDocument";
ALTER TABLE "new_AgreementDocument" RENAME TO "AgreementDocument";
CREATE INDEX "AgreementDocument_ceremonyId_idx" ON "AgreementDocument"("ceremonyId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

