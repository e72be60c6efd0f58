import { spawnSync } from 'node:child_process';
import { randomUUID, X509Certificate } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { loadPlatformIdentity } from '@/lib/signing/load-platform-identity';
import { concludeCeremony } from '@/lib/signing/conclude-ceremony';
import { openSigning } from '@/lib/signing/open-signing';
import { recordOriginalsExchange } from '@/lib/signing/record-originals-exchange';
import { signAgreement } from '@/lib/signing/sign-agreement';
import { malloryIdentity, signAsMallory } from '@accord/pdf-signing/testing/attack-corpus';
import { signDetached } from '@accord/pdf-signing/sign-detached';
import { createSigningCeremony } from '@/test/factories';
import { sha256Hex } from '@/lib/crypto/sha256';

const root = path.resolve(import.meta.dirname, '../..');
const workDir = mkdtempSync(path.join(tmpdir(), 'accord-verify-'));
function runVerifier(bytes: Uint8Array, name: string, args: string[] = []) {
  const file = path.join(workDir, name);
  writeFileSync(file, bytes);
  const result = spawnSync(process.execPath, [path.join(root, 'bin/accord-verify.mjs'), ...args, file], {
    encoding: 'utf8',
    cwd: root,
    env: { ...process.env, ACCORD_TRUST_ANCHORS: '' },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, stdout: result.stdout };
}

interface Manifest {
  files: { path: string; sha256: string; bytes: number }[];
  originals: { path: string; revisions: { number: number; sha256: string; byteLength: number }[] }[];
}

/** Rewrites files of the package; with resign, recomputes the manifest and signs it with the forger's key. */
async function forge(zip: Uint8Array, change: (files: Record<string, Uint8Array>, manifest: Manifest) => void, resign: boolean): Promise<Uint8Array> {
  const files = unzipSync(zip);
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Manifest;
  change(files, manifest);
  if (resign) {
    for (const entry of manifest.files) if (files[entry.path]) entry.sha256 = sha256Hex(files[entry.path]!);
    files['manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest));
    files['manifest.json.p7s'] = new Uint8Array(await signDetached({ content: files['manifest.json'], identity: await malloryIdentity() }));
  }
  return zipSync(files);
}

describe('accord-verify (offline, as its own process)', () => {
  let evidence: Uint8Array;
  let trustFile: string;
  let malloryRootFile: string;
  let originals: string[];

  beforeAll(async () => {
    // Alternat: one original per party, both uploaded under the same file name.
    const c = await createSigningCeremony({ order: 'alternat' });
    await db.agreementDocument.updateMany({ where: { id: { in: c.documentIds } }, data: { fileName: 'agreement.pdf' } });
    await openSigning({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    const sign = (documentId: string, party: (typeof c.parties)[number]) =>
      signAgreement({ ceremonyId: c.ceremonyId, documentId, userId: party.userId, idempotencyKey: `k-${randomUUID()}`, capture: { typed: party.signer } });
    await sign(c.documentIds[0]!, c.parties[0]!);
    await sign(c.documentIds[1]!, c.parties[1]!);
    await recordOriginalsExchange({ ceremonyId: c.ceremonyId, userId: c.organiserId });
    await sign(c.documentIds[1]!, c.parties[0]!);
    await sign(c.documentIds[0]!, c.parties[1]!);
    evidence = new Uint8Array((await concludeCeremony({ ceremonyId: c.ceremonyId, userId: c.organiserId })).bytes);
    trustFile = path.join(workDir, 'root.pem');
    writeFileSync(trustFile, (await loadPlatformIdentity()).trustedCaPem.join('\n'));
    malloryRootFile = path.join(workDir, 'mallory-root.pem');
    writeFileSync(malloryRootFile, new X509Certificate((await malloryIdentity()).chainDer.at(-1)!).toString());
    originals = Object.keys(unzipSync(evidence)).filter((name) => name.startsWith('originals/'));
  }, 180_000);

  it('keeps both same-named originals, each under its own name', () => {
    expect(originals).toHaveLength(2);
    expect(new Set(originals).size).toBe(2);
    expect(originals.every((name) => /^originals\/en-.+-agreement\.sealed\.pdf$/.test(name))).toBe(true);
  });

  it('accepts the untouched package with --trust (exit 0)', () => {
    const { status, output } = runVerifier(evidence, 'evidence.zip', ['--trust', trustFile]);
    expect(output).toContain('RESULT valid');
    expect(output).toMatch(/OK +manifest\.json\.p7s: manifest signed by .*chains to a trust anchor/);
    expect(output).toMatch(/OK +certificate-of-completion\.pdf: valid/);
    expect(output).toMatch(/revisions in order, each a byte-identical prefix of the next/);
    expect(output).toMatch(/every signature has its signing event in the audit log/);
    expect(status).toBe(0);
  });

  it('without a trust anchor: intact but untrusted (exit 2); the CA the package carries is never trusted', () => {
    const { status, output } = runVerifier(evidence, 'evidence.zip');
    expect(output).toContain('RESULT untrusted');
    expect(output).toContain('not trusted because the package carries it');
    expect(status).toBe(2);
  });

  it('a package signed under a CA other than the one the verifier trusts: exit 2', () => {
    const { status, output } = runVerifier(evidence, 'evidence.zip', ['--trust', malloryRootFile]);
    expect(output).toContain('RESULT untrusted');
    expect(status).toBe(2);
  });

  it('a forged package whose manifest is signed by a CA the package carries: intact, not trusted (exit 2)', async () => {
    const malloryRoot = new X509Certificate((await malloryIdentity()).chainDer.at(-1)!).toString();
    const forged = await forge(
      evidence,
      (files) => {
        files['trust/platform-ca.pem'] = new TextEncoder().encode(malloryRoot);
      },
      true,
    );
    const { status, output } = runVerifier(forged, 'forged-package.zip', ['--trust', trustFile]);
    expect(output).toMatch(/UNTR manifest\.json\.p7s: manifest signature intact, but its signer \(CN=Mallory/);
    expect(output).toContain('RESULT untrusted');
    expect(status).toBe(2);
  });

  it('--json prints the versioned report with the same exit code', () => {
    const { status, stdout } = runVerifier(evidence, 'evidence.zip', ['--json', '--trust', trustFile]);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ format: 'accord-verify/1', kind: 'evidence-package', outcome: 'valid', exitCode: 0 });
    expect(report.documents[0].signatures[0]).toMatchObject({ integrity: 'intact', coverage: 'revision', trusted: true });
    expect(report.documents[0].signatures[0].changesAfter.every((change: { allowed: boolean }) => change.allowed)).toBe(true);
    expect(status).toBe(0);
  });

  it('names a PDF changed inside the package (manifest sum)', async () => {
    const tampered = await forge(
      evidence,
      (files) => {
        files[originals[0]!]![2000]! ^= 0xff;
      },
      false,
    );
    const { status, output } = runVerifier(tampered, 'changed-pdf.zip', ['--trust', trustFile]);
    expect(output).toContain(`FAIL ${originals[0]}: SHA-256 differs from the manifest`);
    expect(status).toBe(1);
  });

  it('a flipped byte with the manifest recomputed and re-signed by the forger: the PDF and the manifest signer both fail', async () => {
    const tampered = await forge(
      evidence,
      (files) => {
        files[originals[0]!]![3000]! ^= 0x01;
      },
      true,
    );
    const { status, output } = runVerifier(tampered, 'flipped.zip', ['--trust', trustFile]);
    expect(output).toMatch(/FAIL +originals\/.*invalid/);
    expect(output).toMatch(/UNTR manifest\.json\.p7s/);
    expect(status).toBe(1);
  });

  it('a forged original (page text replaced, signed as Mallory) in a re-signed package: modified, exit 1', async () => {
    const files = unzipSync(evidence);
    const { appendUpdate } = await import('@accord/pdf-signing/testing/attack-corpus');
    const { dict, name, PdfStream, serializeObjectBody } = await import('@accord/pdf-signing/pdf-objects');
    const replaced = appendUpdate(files[originals[0]!]!, (file) => {
      const page = file.pages()[0]!;
      const contents = page.dict.get('Contents');
      const target = (Array.isArray(contents) ? contents[0] : contents) as { num: number };
      return [{ num: target.num, body: serializeObjectBody(new PdfStream(dict({ Length: 0, Type: name('XObject') }), Buffer.from('BT ET'))) }];
    });
    const forgedPdf = await signAsMallory(replaced);
    const tampered = await forge(
      evidence,
      (all) => {
        all[originals[0]!] = forgedPdf;
      },
      true,
    );
    const { status, output } = runVerifier(tampered, 'forged-original.zip', ['--trust', trustFile]);
    expect(output).toMatch(/DISALLOWED \(revision \d+\): The content stream of page 1/);
    expect(output).toMatch(/signature \d+ \("mallory"\) has no signing event in the audit log/);
    expect(status).toBe(1);
  });

  it('two originals swapped in the package: named by their revisions', async () => {
    const tampered = await forge(
      evidence,
      (files) => {
        const [a, b] = originals as [string, string];
        [files[a], files[b]] = [files[b]!, files[a]!];
      },
      true,
    );
    const { status, output } = runVerifier(tampered, 'swapped.zip', ['--trust', trustFile]);
    expect(output).toMatch(/FAIL originals\/.*: revision 0 is not a byte-identical prefix of the sealed original/);
    expect(status).toBe(1);
  });

  it('a reordered revision in the manifest: out of order', async () => {
    const tampered = await forge(
      evidence,
      (_files, manifest) => {
        const revisions = manifest.originals[0]!.revisions;
        [revisions[1], revisions[2]] = [revisions[2]!, revisions[1]!];
      },
      true,
    );
    const { status, output } = runVerifier(tampered, 'reordered.zip', ['--trust', trustFile]);
    expect(output).toMatch(/revision \d+ is out of order/);
    expect(status).toBe(1);
  });

  it('an extra file and a missing one are named', async () => {
    const tampered = await forge(
      evidence,
      (files) => {
        files['notes.txt'] = new TextEncoder().encode('added later');
        delete files['certificate-of-completion.pdf'];
      },
      false,
    );
    const { status, output } = runVerifier(tampered, 'extra.zip', ['--trust', trustFile]);
    expect(output).toContain('FAIL notes.txt: not listed in the manifest');
    expect(output).toContain('FAIL certificate-of-completion.pdf: listed in the manifest but missing');
    expect(status).toBe(1);
  });

  it('names the edited audit event', async () => {
    const edited = await forge(
      evidence,
      (files) => {
        const events = JSON.parse(new TextDecoder().decode(files['audit-log.json']));
        events[1].payload = '{"forged":true}';
        files['audit-log.json'] = new TextEncoder().encode(JSON.stringify(events));
      },
      true,
    );
    const { status, output } = runVerifier(edited, 'edited-log.zip', ['--trust', trustFile]);
    expect(output).toMatch(/FAIL audit log: event \S+ \(#2\) was altered/);
    expect(status).toBe(1);
  });

  it('unreadable input and wrong usage: exit 3', () => {
    const unreadable = runVerifier(new TextEncoder().encode('hello'), 'note.txt');
    expect(unreadable.output).toContain('not-a-pdf');
    expect(unreadable.status).toBe(3);
    const usage = runVerifier(evidence, 'evidence.zip', ['--ca', trustFile]);
    expect(usage.output).toContain('--ca was replaced by --trust');
    expect(usage.status).toBe(3);
  });
});
