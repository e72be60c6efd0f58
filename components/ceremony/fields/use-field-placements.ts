'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useMemo, useState, useTransition } from 'react';
import { toast } from 'sonner';
import { saveFieldsAction } from '@/app/ceremonies/[id]/actions';
import { defaultFieldSize, findFreeSpot } from '@/components/ceremony/fields/field-geometry';
import type { FieldKind, FieldPlacement } from '@/lib/documents/schemas';
import { clampToPage, fieldIssues, initialsOnEveryPage, type FieldProblem, type PageBox } from '@/lib/documents/validate-field-placement';

export interface FieldHolder {
  participantId: string;
  name: string;
  role: 'signatory' | 'witness';
  delegationName: string;
}

const LETTER: PageBox = { width: 612, height: 792 };

/**
 * The fields being placed on one document, the selection, and saving them: every change is
 * checked against the page boxes as the server will check them; the server's own verdicts
 * (by field) stay until the next change.
 */
export function useFieldPlacements({
  ceremonyId,
  documentId,
  pages,
  holders,
  initialFields,
  pageNumber,
}: {
  ceremonyId: string;
  documentId: string;
  pages: PageBox[];
  holders: FieldHolder[];
  initialFields: FieldPlacement[];
  /** The page on screen: where new fields go. */
  pageNumber: number;
}) {
  const t = useTranslations('schedule.fields');
  const [fields, setFields] = useState<FieldPlacement[]>(initialFields);
  const [selected, setSelected] = useState<number | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saving, startSaving] = useTransition();
  const [serverIssues, setServerIssues] = useState<Record<number, string>>({});
  const currentPage = pages[pageNumber - 1] ?? LETTER;
  /** A page's box (the current page's when the number is out of range). */
  const pageBox = (page: number) => pages[page - 1] ?? currentPage;

  const issues = useMemo(() => {
    const found = new Map<number, FieldProblem>();
    for (const issue of fieldIssues(
      fields,
      pages,
      holders.map((holder) => ({ id: holder.participantId, role: holder.role })),
    )) {
      if (!found.has(issue.index)) found.set(issue.index, issue.problem);
    }
    return found;
  }, [fields, pages, holders]);

  const update = useCallback((next: FieldPlacement[]) => {
    setFields(next);
    setDirty(true);
    setServerIssues({});
  }, []);

  /** Places a new field on the current page (centred on `at`, or in a free spot) and selects it; returns its index. */
  const add = (participantId: string, kind: FieldKind, at?: { x: number; y: number }) => {
    const size = defaultFieldSize[kind];
    const spot = at
      ? clampToPage({ x: at.x - size.width / 2, y: at.y - size.height / 2, ...size }, currentPage)
      : findFreeSpot(currentPage, fields, size, pageNumber);
    const next = [...fields, { participantId, kind, page: pageNumber, ...spot }];
    update(next);
    setSelected(next.length - 1);
    return next.length - 1;
  };

  const remove = (index: number) => {
    update(fields.filter((_, position) => position !== index));
    setSelected(null);
  };

  const replace = (index: number, field: FieldPlacement) => update(fields.map((existing, position) => (position === index ? field : existing)));

  const hasInitialsEverywhere = (participantId: string) =>
    pages.every((_, index) => fields.some((field) => field.participantId === participantId && field.kind === 'initials' && field.page === index + 1));

  const toggleInitials = (participantId: string, on: boolean) => {
    const without = fields.filter((field) => !(field.participantId === participantId && field.kind === 'initials'));
    if (!on) {
      update(without);
      return;
    }
    const slot = holders.filter((holder) => holder.role === 'signatory').findIndex((holder) => holder.participantId === participantId);
    const size = defaultFieldSize.initials;
    const template = { participantId, x: (pages[0]?.width ?? 612) - 36 - size.width - Math.max(0, slot) * (size.width + 8), y: 18, ...size };
    update([...without, ...initialsOnEveryPage(template, pages)]);
  };

  const save = () => {
    startSaving(async () => {
      const result = await saveFieldsAction(ceremonyId, { documentId, fields });
      if (result.ok) {
        setDirty(false);
        toast.success(t('saved', { count: fields.length }));
        return;
      }
      const next: Record<number, string> = {};
      for (const [key, problem] of Object.entries(result.fieldErrors ?? {})) {
        const match = /^fields\.(\d+)$/.exec(key);
        if (match) next[Number(match[1])] = problem;
      }
      setServerIssues(next);
      toast.error(t('saveFailed'));
    });
  };

  /** Every problem, the editor's own first, then the server's, as [field index, problem]. */
  const allIssues = [...issues.entries(), ...Object.entries(serverIssues).map(([index, problem]) => [Number(index), problem] as const)];

  return {
    fields,
    selected,
    setSelected,
    dirty,
    saving,
    issues,
    serverIssues,
    allIssues,
    pageBox,
    add,
    remove,
    replace,
    hasInitialsEverywhere,
    toggleInitials,
    save,
  };
}

export type FieldPlacements = ReturnType<typeof useFieldPlacements>;
