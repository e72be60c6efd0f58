'use client';

import { useEffect, useRef } from 'react';

/** A field counts as seen when this share of it is on screen. */
const SHOWN_RATIO = 0.75;

/**
 * Watches the highlighted fields of the drawn page: reports the ones on screen (at least
 * three quarters of each), drawn from which revision — what the signer has seen — and brings
 * the first into view whenever `revealKey` changes (the signer steps to a field; the page may
 * be zoomed, or below the fold on a phone). `drawing` is the drawing shown (null: none yet);
 * a new drawing or another set of highlights (`highlightSignature`) starts watching afresh.
 */
export function useFieldsSeen({
  documentId,
  drawing,
  highlightSignature,
  revealKey,
  onFieldsShown,
}: {
  documentId: string;
  drawing: { revision: number } | null;
  highlightSignature: string;
  revealKey?: string;
  onFieldsShown?: (shown: { documentId: string; revision: number; fieldNames: string[] }) => void;
}) {
  const highlights = useRef(new Map<string, HTMLDivElement>());

  useEffect(() => {
    if (!revealKey || !drawing) return;
    const first = highlights.current.values().next().value;
    first?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [revealKey, drawing, highlightSignature]);

  const shownCallback = useRef(onFieldsShown);
  useEffect(() => {
    shownCallback.current = onFieldsShown;
  }, [onFieldsShown]);
  const watching = Boolean(onFieldsShown);
  useEffect(() => {
    if (!watching || !drawing || highlightSignature === '') return;
    const revisionShown = drawing.revision;
    const observer = new IntersectionObserver(
      (entries) => {
        const fieldNames = entries
          .filter((entry) => entry.isIntersecting && entry.intersectionRatio >= SHOWN_RATIO)
          .map((entry) => (entry.target as HTMLElement).dataset.fieldName ?? '');
        if (fieldNames.length > 0) shownCallback.current?.({ documentId, revision: revisionShown, fieldNames });
      },
      { threshold: [SHOWN_RATIO, 1] },
    );
    for (const element of highlights.current.values()) observer.observe(element);
    return () => observer.disconnect();
  }, [watching, drawing, highlightSignature, documentId]);

  /** The ref callback for the highlight with this key. */
  const highlightRef = (key: string) => (element: HTMLDivElement | null) => {
    if (element) highlights.current.set(key, element);
    else highlights.current.delete(key);
  };
  return highlightRef;
}
