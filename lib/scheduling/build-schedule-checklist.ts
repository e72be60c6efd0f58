/**
 * What must be true before a ceremony may become SCHEDULED, each item
 * with what is missing, so the organiser's checklist can say it. Pure.
 */

export interface ChecklistInput {
  now: Date;
  scheduledStart: Date;
  delegations: { id: string; name: string; signatories: { participantId: string; name: string }[] }[];
  documents: {
    id: string;
    title: string;
    language: string;
    authentic: boolean;
    originalForDelegationId: string | null;
    fields: { participantId: string | null; kind: string }[];
  }[];
  /** Alternat needs one original per party (each naming that party first) */
  signingOrder: string;
}

export type ChecklistItem =
  | { key: 'delegations'; ok: boolean; count: number }
  | { key: 'signatories'; ok: boolean; delegationsWithout: string[] }
  | { key: 'agreement'; ok: boolean; count: number }
  | { key: 'originals'; ok: boolean; partiesWithout: string[] }
  | { key: 'fields'; ok: boolean; missing: { signatory: string; document: string }[] }
  | { key: 'futureStart'; ok: boolean };

export interface Checklist {
  items: ChecklistItem[];
  ready: boolean;
}

const MIN_DELEGATIONS = 2;

/** The documents every signatory must sign: the authentic versions (all, when none is marked). */
function documentsToSign<T extends { authentic: boolean }>(documents: T[]): T[] {
  const authentic = documents.filter((document) => document.authentic);
  return authentic.length > 0 ? authentic : documents;
}

export function buildScheduleChecklist(input: ChecklistInput): Checklist {
  const signatories = input.delegations.flatMap((delegation) => delegation.signatories);
  const toSign = documentsToSign(input.documents);
  const missing = toSign.flatMap((document) =>
    signatories
      .filter((signatory) => !document.fields.some((field) => field.participantId === signatory.participantId && field.kind === 'signature'))
      .map((signatory) => ({ signatory: signatory.name, document: document.title })),
  );
  const items: ChecklistItem[] = [
    { key: 'delegations', ok: input.delegations.length >= MIN_DELEGATIONS, count: input.delegations.length },
    {
      key: 'signatories',
      ok: input.delegations.length > 0 && input.delegations.every((delegation) => delegation.signatories.length > 0),
      delegationsWithout: input.delegations.filter((delegation) => delegation.signatories.length === 0).map((delegation) => delegation.name),
    },
    { key: 'agreement', ok: input.documents.length > 0, count: input.documents.length },
    ...(input.signingOrder === 'alternat' ? [originalsItem(input)] : []),
    { key: 'fields', ok: toSign.length > 0 && signatories.length > 0 && missing.length === 0, missing },
    { key: 'futureStart', ok: input.scheduledStart.getTime() > input.now.getTime() },
  ];
  return { items, ready: items.every((item) => item.ok) };
}

function originalsItem(input: ChecklistInput): ChecklistItem {
  const partiesWithout = input.delegations
    .filter((delegation) => !input.documents.some((document) => document.originalForDelegationId === delegation.id))
    .map((delegation) => delegation.name);
  return { key: 'originals', ok: input.delegations.length > 0 && partiesWithout.length === 0, partiesWithout };
}
