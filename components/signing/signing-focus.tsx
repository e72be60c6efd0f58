'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SignaturePreview } from '@/components/live/document-pane';
import { useSpotlight } from '@/components/live/use-spotlight';
import type { RoomCeremony } from '@/lib/live/load-room';
import type { SigningStatus } from '@/lib/signing/load-signing-status';
import {
  allStepsSeen,
  buildSigningSteps,
  documentsSeenInOlderRevision,
  isStepSeen,
  markFieldsSeen,
  nextUnseenStep,
  viewedPayload,
  type SeenFields,
  type SigningStep,
} from '@/lib/signing/signing-steps';

export interface ViewerPosition {
  documentId: string;
  page: number;
}

export interface SigningFocusValue {
  /** My capture is open: my viewer shows what I sign and nothing moves it elsewhere. */
  active: boolean;
  steps: SigningStep[];
  index: number;
  /** Where my viewer is held while the capture is open. */
  position: ViewerPosition | null;
  seen: SeenFields;
  allSeen: boolean;
  stepSeen: (index: number) => boolean;
  /** Documents whose fields I saw in a revision that has since been superseded. */
  changedDocuments: string[];
  preview: SignaturePreview | null;
  newestRevision: (documentId: string) => number | null;
  begin: () => void;
  end: () => void;
  goTo: (index: number) => void;
  /** The next field not yet seen (or simply the next stop). */
  advance: () => void;
  turnPage: (page: number) => void;
  fieldsShown: (shown: { documentId: string; revision: number; fieldNames: string[] }) => void;
  pageShown: (shown: { documentId: string; page: number; revision: number }) => void;
  setPreview: (preview: SignaturePreview | null) => void;
  viewed: () => { documentId: string; revision: number; fields: string[] }[];
}

const inactive: SigningFocusValue = {
  active: false,
  steps: [],
  index: 0,
  position: null,
  seen: {},
  allSeen: false,
  stepSeen: () => false,
  changedDocuments: [],
  preview: null,
  newestRevision: () => null,
  begin: () => undefined,
  end: () => undefined,
  goTo: () => undefined,
  advance: () => undefined,
  turnPage: () => undefined,
  fieldsShown: () => undefined,
  pageShown: () => undefined,
  setPreview: () => undefined,
  viewed: () => [],
};

const SigningFocusContext = createContext<SigningFocusValue>(inactive);

export function useSigningFocus(): SigningFocusValue {
  return useContext(SigningFocusContext);
}

/** The newest revision of a document: what the page loaded, or a newer one the room announced. */
function newestRevisionOf(signing: SigningStatus, announced: Record<string, number>, documentId: string): number | null {
  const loaded = signing.documents.find((status) => status.id === documentId)?.revision?.number ?? null;
  const heard = announced[documentId];
  return heard === undefined ? loaded : Math.max(heard, loaded ?? -1);
}

/**
 * What you see is what you sign. While my capture is open, my viewer is held on the
 * fields due in this confirmation — stepping through them — and page-follow, spotlight and
 * the organiser's navigation do not move it. Each field counts as seen once it was on screen,
 * drawn from the document's newest revision; Confirm waits for all of them, and the sign
 * request reports what was shown. The room's spotlight follows my steps.
 */
export function SigningFocusProvider({
  ceremony,
  signing,
  announced,
  myIdentity,
  children,
}: {
  ceremony: RoomCeremony;
  signing: SigningStatus;
  announced: Record<string, number>;
  myIdentity: string;
  children: ReactNode;
}) {
  const { announce } = useSpotlight();
  const [active, setActive] = useState(false);
  const [index, setIndex] = useState(0);
  const [pageOverride, setPageOverride] = useState<ViewerPosition | null>(null);
  const [seen, setSeen] = useState<SeenFields>({});
  const [preview, setPreview] = useState<SignaturePreview | null>(null);

  const mayCapture = signing.signingOpen && signing.canSignNow;
  const steps = useMemo(
    () => (active && mayCapture ? buildSigningSteps(ceremony.documents, signing.documents) : []),
    [active, mayCapture, ceremony.documents, signing.documents],
  );
  // Signing closed or my turn passed while the capture was open: it is closed.
  const open = active && steps.length > 0;
  const newestRevision = useCallback((documentId: string) => newestRevisionOf(signing, announced, documentId), [signing, announced]);
  const step = open ? steps[Math.min(index, steps.length - 1)] : undefined;
  const heldDocument = step?.documentId;
  const heldPage = step ? (pageOverride && pageOverride.documentId === step.documentId ? pageOverride.page : step.page) : undefined;
  const position = useMemo(() => (heldDocument && heldPage ? { documentId: heldDocument, page: heldPage } : null), [heldDocument, heldPage]);

  const begin = useCallback(() => {
    setSeen({});
    setIndex(0);
    setPageOverride(null);
    setPreview(null);
    setActive(true);
  }, []);
  const end = useCallback(() => {
    setActive(false);
    setPreview(null);
    setPageOverride(null);
  }, []);
  const goTo = useCallback((next: number) => {
    setIndex(next);
    setPageOverride(null);
  }, []);
  const advance = useCallback(() => {
    const next = nextUnseenStep(steps, index, seen, newestRevision) ?? (index + 1) % Math.max(1, steps.length);
    goTo(next);
  }, [goTo, index, newestRevision, seen, steps]);
  const turnPage = useCallback(
    (page: number) => {
      if (step) setPageOverride({ documentId: step.documentId, page });
    },
    [step],
  );
  const fieldsShown = useCallback(
    (shown: { documentId: string; revision: number; fieldNames: string[] }) => {
      if (!open) return;
      const due = new Set(
        steps.filter((candidate) => candidate.documentId === shown.documentId).flatMap((candidate) => candidate.fields.map((field) => field.fieldName)),
      );
      const names = shown.fieldNames.filter((name) => due.has(name));
      if (names.length > 0) setSeen((current) => markFieldsSeen(current, shown.documentId, names, shown.revision));
    },
    [open, steps],
  );
  // A stop without a field of mine (a due document where I only confirm) counts as seen once its page is drawn.
  const pageShown = useCallback(
    (shown: { documentId: string; page: number; revision: number }) => {
      if (!open || !steps.some((candidate) => candidate.documentId === shown.documentId && candidate.page === shown.page && candidate.fields.length === 0))
        return;
      setSeen((current) => markFieldsSeen(current, shown.documentId, [''], shown.revision));
    },
    [open, steps],
  );

  // The room looks where I look while I sign.
  const spotlightDocument = position?.documentId;
  const spotlightPage = position?.page;
  useEffect(() => {
    announce(spotlightDocument && spotlightPage ? { participantIdentity: myIdentity, documentId: spotlightDocument, page: spotlightPage } : null);
  }, [announce, myIdentity, spotlightDocument, spotlightPage]);

  const value = useMemo<SigningFocusValue>(
    () => ({
      active: open,
      steps,
      index: Math.min(index, Math.max(0, steps.length - 1)),
      position,
      seen,
      allSeen: allStepsSeen(steps, seen, newestRevision),
      stepSeen: (at: number) => (steps[at] ? isStepSeen(steps[at], seen, newestRevision) : false),
      changedDocuments: documentsSeenInOlderRevision(steps, seen, newestRevision),
      preview,
      newestRevision,
      begin,
      end,
      goTo,
      advance,
      turnPage,
      fieldsShown,
      pageShown,
      setPreview,
      viewed: () => viewedPayload(steps, seen),
    }),
    [open, steps, index, position, seen, newestRevision, preview, begin, end, goTo, advance, turnPage, fieldsShown, pageShown],
  );
  return <SigningFocusContext.Provider value={value}>{children}</SigningFocusContext.Provider>;
}
