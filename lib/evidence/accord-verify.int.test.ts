import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { concludeCeremony } from '@/lib/signing/conclude-ceremony';
import { openSigning } from '@/lib/signing/open-signing';
import { signAgreement } from '@/lib/signing/sign-agreement';
import { createSigningCeremony } from '@/test/factories';

const root = path.resolve(import.meta.dirname, '../..');
const workDir = mkdtempSync(path.join(tmpdir(), 'accord-verify-'));

function runVerifier(bytes: Uint8Array, name: string) {
  const file = path.join(workDir, name);
  writeFileSync(file, bytes);
  const result = spawnSync(process.execPath, [path.join(root, 'bin/accord-verify.mjs'), file], { encoding: 'utf8', cwd: root });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Rewrites one file of the package, recomputing the manifest so only the deeper check can notice. */
function tamper(zip: Uint8Array, target: string, change: (bytes: Uint8Array) => Uint8Array, fixManifest: boolean): Uint8Array {
  const files = unzipSync(zip);
  files[target] = new Uint8Array(change(new Uint8Array(files[target]!)));
  if (fixManifest) {
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    for (const entry of manifest.files) {
      if (entry.path === target) entry.sha256 = createHash('sha256').update(files[target]!).digest('hex');
    }
    files['manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest));
  }
  return zipSync(files);
}

describe('accord-verify (offline, as its own process)', () => {
  let evidence: Uint8Array;
  beforeAll(async () => {
    const c = await createSigningCeremony({ order: 'sequential' });
    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    for (const party of c.parties) {
      await signAgreement({ ceremonyId: c.ceremonyId, documentId: c.documentIds[0]!, userId: party.userId, idempotencyKey: `k-${randomUUID()}`, capture: { typed: party.signer } });
    }
    evidence = new Uint8Array((await concludeCeremony({ ceremonyId: c.ceremonyId, userId: c.organiserId })).bytes);
  }, 120_000);

  it('accepts the untouched evidence package (exit 0)', () => {
    const { status, output } = runVerifier(evidence, 'evidence.zip');
    expect(output).toContain('RESULT everything holds');
    expect(status).toBe(0);
  });

  it('names a PDF changed inside the package (manifest sum)', () => {
    const pdf = Object.keys(unzipSync(evidence)).find((name) => name.startsWith('originals/'))!;
    const { status, output } = runVerifier(tamper(evidence, pdf, (bytes) => { bytes[2000]! ^= 0xff; return bytes; }, false), 'changed-pdf.zip');
    expect(status).toBe(1);
    expect(output).toContain(`FAIL ${pdf}: SHA-256 differs from the manifest`);
  });

  it('finds a flipped byte in a signed range even when the manifest was recomputed', () => {
    const pdf = Object.keys(unzipSync(evidence)).find((name) => name.startsWith('originals/'))!;
    const { status, output } = runVerifier(tamper(evidence, pdf, (bytes) => { bytes[3000]! ^= 0x01; return bytes; }, true), 'flipped.zip');
    expect(status).toBe(1);
    expect(output).toMatch(/FAIL +originals\/.*invalid/);
  });

  it('names the edited audit event', () => {
    const edited = tamper(
      evidence,
      'audit-log.json',
      (bytes) => {
        const events = JSON.parse(new TextDecoder().decode(bytes));
        events[1].payload = '{"forged":true}';
        return new TextEncoder().encode(JSON.stringify(events));
      },
      true,
    );
    const { status, output } = runVerifier(edited, 'edited-log.zip');
    expect(status).toBe(1);
    expect(output).toMatch(/FAIL audit log: event \S+ \(#2\) was altered/);
  });

  it('refuses a file that is not a package or PDF with a clear word', () => {
    const { status, output } = runVerifier(new TextEncoder().encode('hello'), 'note.txt');
    expect(status).toBe(1);
    expect(output).toContain('not-a-pdf');
  });
});
