/**
 * What a signatory must have seen before one confirmation may sign: every field due in it,
 * rendered in the viewer, in the revision the server will sign into. Pure and small: it
 * runs in the browser (the capture gates Confirm on it) and in tests.
 */

export interface DueField {
  fieldName: string;
  kind: string;
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One stop of the viewer: a page of one document holding one or more of my due fields. */
export interface SigningStep {
  documentId: string;
  title: string;
  language: string;
  partyName: string | null;
  page: number;
  fields: DueField[];
}

export interface StepDocument {
  id: string;
  title: string;
  language: string;
  partyName?: string | null;
  myOpenFields: DueField[];
}

/** Signature (and witness) fields before initials on the same page: the one that matters first. */
const kindOrder = (kind: string) => (kind === 'initials' ? 1 : 0);

/**
 * The stops, in the order the documents are listed (the order they will be signed), each
 * document's pages ascending. A due document without a field of mine still gets one stop
 * (page 1): the signer sees what they sign even then.
 */
export function buildSigningSteps(documents: StepDocument[], statuses: { id: string; myStatus: string }[]): SigningStep[] {
  const steps: SigningStep[] = [];
  for (const status of statuses) {
    if (status.myStatus !== 'sign-now') continue;
    const document = documents.find((candidate) => candidate.id === status.id);
    if (!document) continue;
    const base = { documentId: document.id, title: document.title, language: document.language, partyName: document.partyName ?? null };
    const pages = [...new Set(document.myOpenFields.map((field) => field.page))].sort((a, b) => a - b);
    if (pages.length === 0) steps.push({ ...base, page: 1, fields: [] });
    for (const page of pages) {
      const fields = document.myOpenFields.filter((field) => field.page === page).sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || b.y - a.y);
      steps.push({ ...base, page, fields });
    }
  }
  return steps;
}

/** Per document and field name: the revision in which the viewer showed it. */
export type SeenFields = Record<string, Record<string, number>>;

export function markFieldsSeen(seen: SeenFields, documentId: string, fieldNames: string[], revision: number): SeenFields {
  const current = seen[documentId] ?? {};
  if (fieldNames.every((name) => current[name] === revision)) return seen;
  const next = { ...current };
  for (const name of fieldNames) next[name] = revision;
  return { ...seen, [documentId]: next };
}

/** A step is seen when each of its fields was shown in the document's newest revision. */
export function isStepSeen(step: SigningStep, seen: SeenFields, newestRevision: (documentId: string) => number | null): boolean {
  const revision = newestRevision(step.documentId);
  if (revision === null) return false;
  const shown = seen[step.documentId] ?? {};
  if (step.fields.length === 0) return shown[''] === revision;
  return step.fields.every((field) => shown[field.fieldName] === revision);
}

export function allStepsSeen(steps: SigningStep[], seen: SeenFields, newestRevision: (documentId: string) => number | null): boolean {
  return steps.length > 0 && steps.every((step) => isStepSeen(step, seen, newestRevision));
}

/** Documents whose fields were seen in an older revision than the newest: they changed under the signer's eyes. */
export function documentsSeenInOlderRevision(steps: SigningStep[], seen: SeenFields, newestRevision: (documentId: string) => number | null): string[] {
  const changed = new Set<string>();
  for (const step of steps) {
    const newest = newestRevision(step.documentId);
    const shown = Object.values(seen[step.documentId] ?? {});
    if (newest !== null && shown.some((revision) => revision < newest)) changed.add(step.documentId);
  }
  return [...changed];
}

/** What the sign request reports as displayed: per document, the revision and the fields shown in it. */
export function viewedPayload(steps: SigningStep[], seen: SeenFields): { documentId: string; revision: number; fields: string[] }[] {
  const documentIds = [...new Set(steps.map((step) => step.documentId))];
  return documentIds.map((documentId) => {
    const shown = seen[documentId] ?? {};
    const fields = steps.filter((step) => step.documentId === documentId).flatMap((step) => step.fields.map((field) => field.fieldName));
    const revisions = fields.length > 0 ? fields.map((name) => shown[name] ?? -1) : [shown[''] ?? -1];
    return { documentId, revision: Math.min(...revisions), fields: fields.filter((name) => shown[name] !== undefined) };
  });
}

/** The next step not yet seen after `from` (wrapping), or null when all are seen. */
export function nextUnseenStep(steps: SigningStep[], from: number, seen: SeenFields, newestRevision: (documentId: string) => number | null): number | null {
  for (let offset = 1; offset <= steps.length; offset += 1) {
    const index = (from + offset) % steps.length;
    if (!isStepSeen(steps[index]!, seen, newestRevision)) return index;
  }
  return null;
}
