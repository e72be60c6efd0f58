-- CreateTable
CREATE TABLE "EvidenceJob" (
    "id" TEXT NOT NULL,
    "ceremonyId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "EvidenceJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceJob_ceremonyId_key" ON "EvidenceJob"("ceremonyId");

-- CreateIndex
CREATE INDEX "EvidenceJob_doneAt_claimedAt_idx" ON "EvidenceJob"("doneAt", "claimedAt");

-- AddForeignKey
ALTER TABLE "EvidenceJob" ADD CONSTRAINT "EvidenceJob_ceremonyId_fkey" FOREIGN KEY ("ceremonyId") REFERENCES "Ceremony"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

