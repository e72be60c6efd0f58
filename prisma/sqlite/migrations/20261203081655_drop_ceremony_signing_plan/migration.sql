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
    "signingConsent" TEXT NOT NULL DEFAULT '{}',
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
INSERT INTO "new_Ceremony" ("archivedAt", "cancelledAt", "concludedAt", "createdAt", "createdById", "currentStepId", "description", "icsSequence", "id", "invitationsSentAt", "legalHold", "legalHoldReason", "lobbyOpen", "pagesReleasedAt", "placeName", "publicSummaryPublishedAt", "rehearsalStart", "roomName", "scheduledEnd", "scheduledStart", "signingConsent", "signingOpenedAt", "signingOrder", "state", "timeZone", "title", "updatedAt") SELECT "archivedAt", "cancelledAt", "concludedAt", "createdAt", "createdById", "currentStepId", "description", "icsSequence", "id", "invitationsSentAt", "legalHold", "legalHoldReason", "lobbyOpen", "pagesReleasedAt", "placeName", "publicSummaryPublishedAt", "rehearsalStart", "roomName", "scheduledEnd", "scheduledStart", "signingConsent", "signingOpenedAt", "signingOrder", "state", "timeZone", "title", "updatedAt" FROM "Ceremony";
DROP TABLE "Ceremony";
ALTER TABLE "new_Ceremony" RENAME TO "Ceremony";
CREATE UNIQUE INDEX "Ceremony_roomName_key" ON "Ceremony"("roomName");
CREATE INDEX "Ceremony_state_scheduledStart_idx" ON "Ceremony"("state", "scheduledStart");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

