-- CreateTable
CREATE TABLE "EvidenceJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ceremonyId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "doneAt" DATETIME,
    CONSTRAINT "EvidenceJob_ceremonyId_fkey" FOREIGN KEY ("ceremonyId") REFERENCES "Ceremony" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceJob_ceremonyId_key" ON "EvidenceJob"("ceremonyId");

-- CreateIndex
CREATE INDEX "EvidenceJob_doneAt_claimedAt_idx" ON "EvidenceJob"("doneAt", "claimedAt");

