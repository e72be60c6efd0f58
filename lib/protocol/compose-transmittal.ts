import type { CertificateOfCompletion } from '@accord/pdf-signing/build-certificate-of-completion';
import { formatDateTime } from '@/lib/time/format-instant';

/**
 * The transmittal to the records office (pure): what a treaty section files about a
 * concluded signing. JSON for systems; the same content laid out as a PDF for people.
 */
export interface TransmittalInput {
  ceremony: { id: string; title: string; placeName: string; signingOrder: string; concludedAt: Date; scheduledStart: Date };
  delegations: { name: string; country: string; capitalName: string; capitalTimeZone: string }[];
  signatories: {
    name: string;
    title: string;
    delegation: string;
    role: 'signatory' | 'witness';
    fullPowers: { fileName: string; sha256: string; status: string; reviewedBy: string | null; reviewedAt: Date | null } | null;
  }[];
  versions: {
    title: string;
    language: string;
    authentic: boolean;
    originalFor: string | null;
    originalSha256: string;
    finalSha256: string;
    revisions: { number: number; kind: string; sha256: string }[];
  }[];
  evidencePackage: { fileName: string; sha256: string } | null;
}

export function composeTransmittalJson(input: TransmittalInput) {
  const inCapitals = (instant: Date) => Object.fromEntries(input.delegations.map((d) => [d.capitalName, formatDateTime(instant, 'en', d.capitalTimeZone)]));
  return {
    format: 'accord-transmittal/1',
    ceremony: {
      id: input.ceremony.id,
      title: input.ceremony.title,
      place: input.ceremony.placeName,
      signingMode: input.ceremony.signingOrder,
      concludedAt: input.ceremony.concludedAt.toISOString(),
      concludedAtInCapitals: inCapitals(input.ceremony.concludedAt),
    },
    parties: input.delegations.map((d) => ({ name: d.name, country: d.country, capital: d.capitalName, timeZone: d.capitalTimeZone })),
    signatories: input.signatories
      .filter((s) => s.role === 'signatory')
      .map(({ role: _role, ...rest }) => ({
        ...rest,
        fullPowers: rest.fullPowers && { ...rest.fullPowers, reviewedAt: rest.fullPowers.reviewedAt?.toISOString() ?? null },
      })),
    witnesses: input.signatories.filter((s) => s.role === 'witness').map((s) => ({ name: s.name, title: s.title, delegation: s.delegation })),
    authenticVersions: input.versions
      .filter((v) => v.authentic)
      .map((v) => ({ title: v.title, language: v.language, originalFor: v.originalFor, originalSha256: v.originalSha256, finalSha256: v.finalSha256 })),
    revisions: input.versions.map((v) => ({ title: v.title, revisions: v.revisions })),
    evidencePackage: input.evidencePackage,
  };
}

export function composeTransmittalPdfContent(input: TransmittalInput): CertificateOfCompletion {
  const json = composeTransmittalJson(input);
  return {
    title: 'Transmittal to the records office',
    subtitle: `${input.ceremony.title} — concluded ${Object.entries(json.ceremony.concludedAtInCapitals)
      .map(([capital, time]) => `${capital}: ${time}`)
      .join(' · ')}`,
    footer: `Accord · transmittal · ceremony ${input.ceremony.id}`,
    sections: [
      {
        heading: 'Instrument',
        rows: [
          { label: 'Title', value: input.ceremony.title },
          { label: 'Place', value: input.ceremony.placeName },
          { label: 'Signing mode', value: input.ceremony.signingOrder },
          { label: 'Parties', value: input.delegations.map((d) => `${d.name} (${d.country})`).join('\n') },
        ],
      },
      {
        heading: 'Signatories and full powers',
        rows: json.signatories.map((s) => ({
          label: s.name,
          value: `${s.title}, for ${s.delegation}\n${s.fullPowers ? `Full powers ${s.fullPowers.fileName} (${s.fullPowers.status}${s.fullPowers.reviewedBy ? ` by ${s.fullPowers.reviewedBy}` : ''}), SHA-256 ${s.fullPowers.sha256}` : 'No full powers on record'}`,
        })),
      },
      ...(json.witnesses.length > 0
        ? [{ heading: 'Witnesses', rows: json.witnesses.map((w) => ({ label: w.name, value: `${w.title}, ${w.delegation}` })) }]
        : []),
      {
        heading: 'Authentic language versions',
        rows: input.versions
          .filter((v) => v.authentic)
          .map((v) => ({
            label: `${v.language}${v.originalFor ? ` · ${v.originalFor} original` : ''}`,
            value: `${v.title}\noriginal ${v.originalSha256}\nfinal ${v.finalSha256}`,
          })),
      },
      {
        heading: 'Revisions',
        rows: input.versions.flatMap((v) =>
          v.revisions.map((r) => ({ label: `${v.language}${v.originalFor ? ` ${v.originalFor}` : ''} rev ${r.number} (${r.kind})`, value: r.sha256 })),
        ),
      },
      { heading: 'Evidence package', rows: [{ label: input.evidencePackage?.fileName ?? '—', value: input.evidencePackage?.sha256 ?? 'not yet built' }] },
    ],
  };
}
