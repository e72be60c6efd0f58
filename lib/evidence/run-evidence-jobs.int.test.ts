import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkAuditChain } from '@/lib/audit/check-audit-chain';
import { db } from '@/lib/db';
import { EVIDENCE_PACKAGE_KIND } from '@/lib/evidence/build-evidence-package';
import { EVIDENCE_JOB_STALE_AFTER_MS, runEvidenceJobs } from '@/lib/evidence/run-evidence-jobs';
import { concludeCeremony } from '@/lib/signing/conclude-ceremony';
import { openSigning } from '@/lib/signing/open-signing';
import { signAgreement } from '@/lib/signing/sign-agreement';
import { createSigningCeremony } from '@/test/factories';

// The process "dies" right after the conclusion's commit: the call concludeCeremony makes
// to build the package never happens. runEvidenceJobs keeps the real runEvidenceJob.
const crash = vi.hoisted(() => ({ afterConcludeCommit: false }));
vi.mock('@/lib/evidence/run-evidence-jobs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/evidence/run-evidence-jobs')>();
  return {
    ...actual,
    runEvidenceJob: (options: Parameters<typeof actual.runEvidenceJob>[0]) => {
      if (crash.afterConcludeCommit) throw new Error('process killed after the conclude commit');
      return actual.runEvidenceJob(options);
    },
  };
});

async function signedCeremony() {
  const c = await createSigningCeremony({ order: 'parallel' });
  await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
  for (const party of c.parties) {
    await signAgreement({
      ceremonyId: c.ceremonyId,
      documentId: c.documentIds[0]!,
      userId: party.userId,
      idempotencyKey: `evidence-job-${randomUUID()}`,
      capture: { typed: party.signer },
    });
  }
  return c;
}

async function concludeAndDie(ceremonyId: string, userId: string) {
  crash.afterConcludeCommit = true;
  try {
    await expect(concludeCeremony({ ceremonyId, userId })).rejects.toThrow(/process killed/);
  } finally {
    crash.afterConcludeCommit = false;
  }
}

async function packagesOf(ceremonyId: string) {
  const artefacts = await db.artefact.count({ where: { ceremonyId, kind: EVIDENCE_PACKAGE_KIND } });
  const events = await db.auditEvent.count({ where: { ceremonyId, kind: 'evidence.packaged' } });
  return { artefacts, events };
}

describe('the evidence package is built from a durable job', () => {
  beforeEach(async () => {
    // Jobs of earlier tests in this run are done; only this test's ceremony may be owed.
    await db.evidenceJob.updateMany({ where: { doneAt: null }, data: { doneAt: new Date() } });
  });

  it('concluding normally builds the package and marks its job done', async () => {
    const c = await signedCeremony();
    const evidence = await concludeCeremony({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    expect(evidence.bytes.length).toBeGreaterThan(0);
    const job = await db.evidenceJob.findUniqueOrThrow({ where: { ceremonyId: c.ceremonyId } });
    expect(job).toMatchObject({ attempts: 1, lastError: null });
    expect(job.doneAt).not.toBeNull();
    expect(await packagesOf(c.ceremonyId)).toEqual({ artefacts: 1, events: 1 });
  });

  it('a process dying right after the conclude commit leaves an unclaimed job: the runner builds exactly one package', async () => {
    const c = await signedCeremony();
    await concludeAndDie(c.ceremonyId, c.organiserId);
    expect((await db.ceremony.findUniqueOrThrow({ where: { id: c.ceremonyId } })).state).toBe('CONCLUDED');
    expect(await db.evidenceJob.findUniqueOrThrow({ where: { ceremonyId: c.ceremonyId } })).toMatchObject({ claimedAt: null, doneAt: null, attempts: 0 });
    expect(await packagesOf(c.ceremonyId)).toEqual({ artefacts: 0, events: 0 });

    // Two runners at once (the restarted process and the cron route): one builds.
    const reports = await Promise.all([runEvidenceJobs(), runEvidenceJobs()]);
    expect(reports.flatMap((report) => report.built)).toEqual([c.ceremonyId]);
    expect(reports.flatMap((report) => report.failed)).toEqual([]);
    expect(await packagesOf(c.ceremonyId)).toEqual({ artefacts: 1, events: 1 });
    expect((await db.evidenceJob.findUniqueOrThrow({ where: { ceremonyId: c.ceremonyId } })).doneAt).not.toBeNull();

    expect((await runEvidenceJobs()).built).toEqual([]);
    expect(await packagesOf(c.ceremonyId)).toEqual({ artefacts: 1, events: 1 });
    expect(await checkAuditChain({ ceremonyId: c.ceremonyId })).toMatchObject({ intact: true });
  });

  it('a claim left by a process that died while building is taken over once stale, not before', async () => {
    const c = await signedCeremony();
    await concludeAndDie(c.ceremonyId, c.organiserId);
    const claimedAt = new Date();
    await db.evidenceJob.update({ where: { ceremonyId: c.ceremonyId }, data: { claimedAt, attempts: 1 } });

    expect((await runEvidenceJobs({ now: new Date(claimedAt.getTime() + 60_000) })).built).toEqual([]);
    expect(await packagesOf(c.ceremonyId)).toEqual({ artefacts: 0, events: 0 });

    const report = await runEvidenceJobs({ now: new Date(claimedAt.getTime() + EVIDENCE_JOB_STALE_AFTER_MS + 1_000) });
    expect(report.built).toEqual([c.ceremonyId]);
    expect(await packagesOf(c.ceremonyId)).toEqual({ artefacts: 1, events: 1 });
    expect(await db.evidenceJob.findUniqueOrThrow({ where: { ceremonyId: c.ceremonyId } })).toMatchObject({ attempts: 2, lastError: null });
    expect(await checkAuditChain({ ceremonyId: c.ceremonyId })).toMatchObject({ intact: true });
  });

  it('a package stored before the job was marked done is not built again', async () => {
    const c = await signedCeremony();
    await concludeCeremony({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    // The process died between storing the package and marking the job done.
    await db.evidenceJob.update({ where: { ceremonyId: c.ceremonyId }, data: { doneAt: null, claimedAt: null } });
    expect((await runEvidenceJobs()).built).toEqual([c.ceremonyId]);
    expect(await packagesOf(c.ceremonyId)).toEqual({ artefacts: 1, events: 1 });
  });
});
