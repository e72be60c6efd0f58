'use client';

import { Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { PDFDocumentProxy, PageViewport } from 'pdfjs-dist';
import { useCallback, useEffect, useMemo, useRef, useState, useTransition, type DragEvent, type KeyboardEvent, type PointerEvent } from 'react';
import { toast } from 'sonner';
import { saveFieldsAction } from '@/app/ceremonies/[id]/actions';
import { defaultFieldSize, findFreeSpot, nudge } from '@/components/ceremony/fields/field-geometry';
import { loadPdfJs } from '@/components/ceremony/fields/load-pdfjs';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import type { FieldKind, FieldPlacement } from '@/lib/documents/schemas';
import { clampToPage, fieldIssues, initialsOnEveryPage, type FieldProblem, type PageBox } from '@/lib/documents/validate-field-placement';

export interface FieldHolder {
  participantId: string;
  name: string;
  role: 'signatory' | 'witness';
  delegationName: string;
}

interface EditorProps {
  ceremonyId: string;
  document: { id: string; title: string; pages: PageBox[] };
  initialFields: FieldPlacement[];
  holders: FieldHolder[];
  editable: boolean;
}

const colours = ['#1f3a5f', '#76591a', '#1e6b3a', '#7a2e5f', '#245a63', '#8a4b1f'];
const DRAG_TYPE = 'application/x-accord-field';

interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

function toScreen(viewport: PageViewport, origin: [number, number], field: { x: number; y: number; width: number; height: number }): Rect {
  const [ax, ay] = viewport.convertToViewportPoint(origin[0] + field.x, origin[1] + field.y);
  const [bx, by] = viewport.convertToViewportPoint(origin[0] + field.x + field.width, origin[1] + field.y + field.height);
  return { left: Math.min(ax, bx), top: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay) };
}

function toPage(viewport: PageViewport, origin: [number, number], px: number, py: number): [number, number] {
  const [ux, uy] = viewport.convertToPdfPoint(px, py);
  return [ux - origin[0], uy - origin[1]];
}

/**
 * The field placement screen: pdf.js renders the agreement's pages; the organiser drags
 * a signature (or witness, or initials) field onto a page for each holder, moves and
 * resizes it with the pointer or the keyboard (arrows move, Shift+arrows resize, Delete
 * removes), or types its position. Coordinates are PDF points from the page's lower-left
 * corner; every change is checked against the page box as the server will check it.
 */
export function FieldEditor({ ceremonyId, document, initialFields, holders, editable }: EditorProps) {
  const t = useTranslations('schedule.fields');
  const tKinds = useTranslations('schedule.fields.kinds');
  const tProblems = useTranslations('schedule.fields.problems');
  const [fields, setFields] = useState<FieldPlacement[]>(initialFields);
  const [selected, setSelected] = useState<number | null>(null);
  const [pageNumber, setPageNumber] = useState(1);
  const [dirty, setDirty] = useState(false);
  const [saving, startSaving] = useTransition();
  const [serverIssues, setServerIssues] = useState<Record<number, string>>({});
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [viewport, setViewport] = useState<PageViewport | null>(null);
  const [origin, setOrigin] = useState<[number, number]>([0, 0]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const fieldRefs = useRef(new Map<number, HTMLDivElement>());
  const gesture = useRef<{ index: number; mode: 'move' | 'resize'; start: [number, number]; field: FieldPlacement } | null>(null);

  const colourOf = useMemo(() => new Map(holders.map((holder, index) => [holder.participantId, colours[index % colours.length]!])), [holders]);
  const holderOf = useMemo(() => new Map(holders.map((holder) => [holder.participantId, holder])), [holders]);
  const pages = document.pages;
  const currentPage = pages[pageNumber - 1] ?? { width: 612, height: 792 };

  const issues = useMemo(() => {
    const found = new Map<number, FieldProblem>();
    for (const issue of fieldIssues(fields, pages, holders.map((holder) => ({ id: holder.participantId, role: holder.role })))) {
      if (!found.has(issue.index)) found.set(issue.index, issue.problem);
    }
    return found;
  }, [fields, pages, holders]);

  const update = useCallback((next: FieldPlacement[]) => {
    setFields(next);
    setDirty(true);
    setServerIssues({});
  }, []);

  // Load the document once.
  useEffect(() => {
    let cancelled = false;
    loadPdfJs()
      .then((pdfjs) => pdfjs.getDocument({ url: `/api/ceremonies/${ceremonyId}/documents/${document.id}/file`, withCredentials: true }).promise)
      .then((loaded) => {
        if (!cancelled) setPdf(loaded);
      })
      .catch(() => {
        if (!cancelled) setLoadError(true);
      });
    return () => {
      cancelled = true;
    };
  }, [ceremonyId, document.id]);

  // Render the current page to fit the stage's width.
  useEffect(() => {
    if (!pdf) return;
    let cancelled = false;
    let task: { cancel: () => void; promise: Promise<void> } | undefined;
    void pdf.getPage(pageNumber).then((page) => {
      if (cancelled || !canvasRef.current || !stageRef.current) return;
      const base = page.getViewport({ scale: 1 });
      const available = stageRef.current.parentElement?.clientWidth ?? 800;
      const scale = Math.min(2, Math.max(0.4, (available - 8) / base.width));
      const next = page.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      const canvas = canvasRef.current;
      canvas.width = Math.floor(next.width * ratio);
      canvas.height = Math.floor(next.height * ratio);
      canvas.style.width = `${next.width}px`;
      canvas.style.height = `${next.height}px`;
      task = page.render({ canvas, viewport: next, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      task.promise
        .then(() => {
          if (cancelled) return;
          setViewport(next);
          setOrigin([page.view[0] ?? 0, page.view[1] ?? 0]);
        })
        .catch(() => undefined);
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, pageNumber]);

  const addField = (participantId: string, kind: FieldKind, at?: { x: number; y: number }) => {
    const size = defaultFieldSize[kind];
    const spot = at
      ? clampToPage({ x: at.x - size.width / 2, y: at.y - size.height / 2, ...size }, currentPage)
      : findFreeSpot(currentPage, fields, size, pageNumber);
    const next = [...fields, { participantId, kind, page: pageNumber, ...spot }];
    update(next);
    setSelected(next.length - 1);
    requestAnimationFrame(() => fieldRefs.current.get(next.length - 1)?.focus());
  };

  const removeField = (index: number) => {
    update(fields.filter((_, position) => position !== index));
    setSelected(null);
  };

  const replaceField = (index: number, field: FieldPlacement) => update(fields.map((existing, position) => (position === index ? field : existing)));

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

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    const data = event.dataTransfer.getData(DRAG_TYPE);
    if (!data || !viewport || !stageRef.current) return;
    const { participantId, kind } = JSON.parse(data) as { participantId: string; kind: FieldKind };
    const bounds = stageRef.current.getBoundingClientRect();
    const [x, y] = toPage(viewport, origin, event.clientX - bounds.left, event.clientY - bounds.top);
    addField(participantId, kind, { x, y });
  };

  const onPointerDown = (event: PointerEvent<HTMLElement>, index: number, mode: 'move' | 'resize') => {
    if (!editable || !viewport || !stageRef.current) return;
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    const bounds = stageRef.current.getBoundingClientRect();
    gesture.current = { index, mode, start: toPage(viewport, origin, event.clientX - bounds.left, event.clientY - bounds.top), field: fields[index]! };
    setSelected(index);
  };

  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    const active = gesture.current;
    if (!active || !viewport || !stageRef.current) return;
    const bounds = stageRef.current.getBoundingClientRect();
    const [x, y] = toPage(viewport, origin, event.clientX - bounds.left, event.clientY - bounds.top);
    const dx = x - active.start[0];
    const dy = y - active.start[1];
    const page = pages[active.field.page - 1] ?? currentPage;
    if (active.mode === 'move') {
      replaceField(active.index, clampToPage({ ...active.field, x: active.field.x + dx, y: active.field.y + dy }, page));
    } else {
      const top = active.field.y + active.field.height;
      const width = Math.max(12, Math.min(page.width - active.field.x, active.field.width + dx));
      const bottom = Math.max(0, Math.min(top - 8, active.field.y + dy));
      replaceField(active.index, { ...active.field, width, y: bottom, height: top - bottom });
    }
  };

  const onPointerUp = () => {
    gesture.current = null;
  };

  const onFieldKey = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    if (!editable) return;
    const field = fields[index]!;
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      removeField(index);
      stageRef.current?.focus();
      return;
    }
    if (event.key === 'Escape') {
      setSelected(null);
      return;
    }
    const moved = nudge(field, event.key, event.shiftKey, event.altKey, pages[field.page - 1] ?? currentPage);
    if (moved) {
      event.preventDefault();
      replaceField(index, moved);
    }
  };

  const save = () => {
    startSaving(async () => {
      const result = await saveFieldsAction(ceremonyId, { documentId: document.id, fields });
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

  const problemText = (problem: string) => (tProblems.has(problem as 'page') ? tProblems(problem as 'page') : tProblems('invalid'));
  const fieldLabel = (field: FieldPlacement) =>
    t('fieldLabel', { kind: tKinds(field.kind), name: holderOf.get(field.participantId)?.name ?? '?', page: field.page });
  const selectedField = selected !== null ? fields[selected] : undefined;
  const allIssues = [...issues.entries(), ...Object.entries(serverIssues).map(([index, problem]) => [Number(index), problem] as const)];
  const signatoriesMissing = holders.filter(
    (holder) => holder.role === 'signatory' && !fields.some((field) => field.participantId === holder.participantId && field.kind === 'signature'),
  );

  return (
    <div className="grid gap-4 lg:grid-cols-[9rem_1fr_18rem]">
      <nav aria-label={t('thumbnails')} className="order-2 lg:order-1">
        <Thumbnails pdf={pdf} pageCount={pages.length} current={pageNumber} onSelect={setPageNumber} fields={fields} label={(page) => t('pageNumber', { page })} />
      </nav>

      <section aria-label={t('pageView', { page: pageNumber, count: pages.length })} className="order-1 min-w-0 lg:order-2">
        <div className="mb-2 flex items-center justify-between gap-2 text-sm">
          <Button type="button" variant="secondary" className="px-3 py-1" disabled={pageNumber <= 1} onClick={() => setPageNumber(pageNumber - 1)}>
            {t('previousPage')}
          </Button>
          <span aria-live="polite">{t('pageOf', { page: pageNumber, count: pages.length })}</span>
          <Button type="button" variant="secondary" className="px-3 py-1" disabled={pageNumber >= pages.length} onClick={() => setPageNumber(pageNumber + 1)}>
            {t('nextPage')}
          </Button>
        </div>
        {loadError ? <FormAlert tone="error">{t('loadFailed')}</FormAlert> : null}
        <div className="overflow-auto rounded-md border border-line bg-ink/5 p-1">
          <div
            ref={stageRef}
            className="relative mx-auto w-fit bg-white shadow"
            onDragOver={(event) => {
              if (editable && event.dataTransfer.types.includes(DRAG_TYPE)) event.preventDefault();
            }}
            onDrop={onDrop}
            onPointerDown={() => setSelected(null)}
            tabIndex={-1}
            data-testid="page-stage"
          >
            <canvas ref={canvasRef} aria-hidden className="block" />
            {!viewport ? <p className="p-8 text-muted">{t('loading')}</p> : null}
            {viewport
              ? fields.map((field, index) => {
                  if (field.page !== pageNumber) return null;
                  const rect = toScreen(viewport, origin, field);
                  const colour = colourOf.get(field.participantId) ?? colours[0];
                  const problem = issues.get(index) ?? serverIssues[index];
                  return (
                    <div
                      key={index}
                      ref={(element) => {
                        if (element) fieldRefs.current.set(index, element);
                        else fieldRefs.current.delete(index);
                      }}
                      role="button"
                      tabIndex={0}
                      aria-pressed={selected === index}
                      aria-label={fieldLabel(field)}
                      aria-describedby="field-keyboard-help"
                      data-testid={`field-${field.kind}-${field.participantId}`}
                      onFocus={() => setSelected(index)}
                      onKeyDown={(event) => onFieldKey(event, index)}
                      onPointerDown={(event) => onPointerDown(event, index, 'move')}
                      onPointerMove={onPointerMove}
                      onPointerUp={onPointerUp}
                      className={`absolute flex touch-none select-none items-end overflow-hidden rounded-sm border-2 px-1 text-[11px] leading-tight ${editable ? 'cursor-move' : ''} ${selected === index ? 'ring-2 ring-gold ring-offset-1' : ''}`}
                      style={{
                        left: rect.left,
                        top: rect.top,
                        width: rect.width,
                        height: rect.height,
                        borderColor: problem ? 'var(--color-danger)' : colour,
                        background: `color-mix(in srgb, ${colour} 14%, transparent)`,
                        color: colour,
                      }}
                    >
                      <span className="truncate font-medium">{fieldLabel(field)}</span>
                      {editable ? (
                        <span
                          aria-hidden
                          onPointerDown={(event) => onPointerDown(event, index, 'resize')}
                          onPointerMove={onPointerMove}
                          onPointerUp={onPointerUp}
                          className="absolute bottom-0 right-0 h-3 w-3 cursor-se-resize"
                          style={{ background: colour }}
                        />
                      ) : null}
                    </div>
                  );
                })
              : null}
          </div>
        </div>
        <p id="field-keyboard-help" className="mt-2 text-sm text-muted">
          {t('keyboardHelp')}
        </p>
      </section>

      <aside className="order-3 flex flex-col gap-4" aria-label={t('toolsLabel')}>
        <section aria-labelledby="holders-heading" className="rounded-md border border-line bg-white p-3">
          <h3 id="holders-heading" className="mb-2 font-medium">
            {t('holdersHeading')}
          </h3>
          {holders.length === 0 ? <p className="text-sm text-muted">{t('noHolders')}</p> : null}
          <ul className="flex flex-col gap-3">
            {holders.map((holder) => {
              const kind: FieldKind = holder.role === 'witness' ? 'witness' : 'signature';
              const colour = colourOf.get(holder.participantId);
              return (
                <li key={holder.participantId} className="flex flex-col gap-1 border-l-4 pl-2" style={{ borderColor: colour }}>
                  <span className="text-sm font-medium">{holder.name}</span>
                  <span className="text-xs text-muted">{t('holderRole', { role: tKinds(kind), delegation: holder.delegationName })}</span>
                  <button
                    type="button"
                    draggable={editable}
                    disabled={!editable || !viewport}
                    onDragStart={(event) => event.dataTransfer.setData(DRAG_TYPE, JSON.stringify({ participantId: holder.participantId, kind }))}
                    onClick={() => addField(holder.participantId, kind)}
                    className="rounded-md border border-dashed px-2 py-1 text-left text-sm disabled:opacity-50"
                    style={{ borderColor: colour, color: colour }}
                    data-testid={`add-${kind}-${holder.participantId}`}
                  >
                    {t('addField', { kind: tKinds(kind) })}
                  </button>
                  {holder.role === 'signatory' ? (
                    <label className="flex items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        className="h-4 w-4 accent-navy"
                        checked={hasInitialsEverywhere(holder.participantId)}
                        disabled={!editable}
                        onChange={(event) => toggleInitials(holder.participantId, event.target.checked)}
                      />
                      {t('initialsEveryPage')}
                    </label>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>

        {selectedField && selected !== null ? (
          <SelectedFieldForm
            key={selected}
            field={selectedField}
            pageCount={pages.length}
            label={fieldLabel(selectedField)}
            editable={editable}
            onChange={(field) => replaceField(selected, clampToPage(field, pages[field.page - 1] ?? currentPage))}
            onRemove={() => removeField(selected)}
          />
        ) : (
          <p className="text-sm text-muted">{t('selectHint')}</p>
        )}

        <section aria-labelledby="status-heading" className="rounded-md border border-line bg-white p-3" aria-live="polite">
          <h3 id="status-heading" className="mb-2 font-medium">
            {t('statusHeading')}
          </h3>
          {signatoriesMissing.length > 0 ? (
            <p className="mb-2 text-sm text-danger">{t('missingSignatures', { names: signatoriesMissing.map((holder) => holder.name).join(', ') })}</p>
          ) : (
            <p className="mb-2 text-sm text-ok">{t('allSignaturesPlaced')}</p>
          )}
          {allIssues.length > 0 ? (
            <ul className="mb-2 flex flex-col gap-1 text-sm text-danger" data-testid="field-issues">
              {allIssues.map(([index, problem]) => (
                <li key={`${index}-${problem}`}>
                  {t('issue', { field: fields[index] ? fieldLabel(fields[index]) : String(index + 1), problem: problemText(problem) })}
                </li>
              ))}
            </ul>
          ) : null}
          <Button type="button" onClick={save} disabled={!editable || saving || issues.size > 0} data-testid="save-fields">
            {saving ? t('saving') : t('save')}
          </Button>
          {dirty ? <p className="mt-2 text-sm text-[#76591a]">{t('unsaved')}</p> : null}
        </section>
      </aside>
    </div>
  );
}

function SelectedFieldForm({
  field,
  pageCount,
  label,
  editable,
  onChange,
  onRemove,
}: {
  field: FieldPlacement;
  pageCount: number;
  label: string;
  editable: boolean;
  onChange: (field: FieldPlacement) => void;
  onRemove: () => void;
}) {
  const t = useTranslations('schedule.fields');
  const numberInput = (name: 'x' | 'y' | 'width' | 'height') => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`selected-${name}`} className="text-xs font-medium">
        {t(`coordinates.${name}`)}
      </label>
      <input
        id={`selected-${name}`}
        type="number"
        step="1"
        min="0"
        disabled={!editable}
        value={Math.round(field[name] * 100) / 100}
        onChange={(event) => {
          const value = Number(event.target.value);
          if (Number.isFinite(value)) onChange({ ...field, [name]: value });
        }}
        className="w-full rounded-md border border-line px-2 py-1 text-sm"
      />
    </div>
  );
  return (
    <section aria-labelledby="selected-heading" className="rounded-md border border-gold/50 bg-white p-3">
      <h3 id="selected-heading" className="mb-1 font-medium">
        {t('selectedHeading')}
      </h3>
      <p className="mb-2 text-sm text-muted">{label}</p>
      <div className="grid grid-cols-2 gap-2">
        {numberInput('x')}
        {numberInput('y')}
        {numberInput('width')}
        {numberInput('height')}
        <div className="col-span-2 flex flex-col gap-1">
          <label htmlFor="selected-page" className="text-xs font-medium">
            {t('coordinates.page')}
          </label>
          <select
            id="selected-page"
            disabled={!editable}
            value={field.page}
            onChange={(event) => onChange({ ...field, page: Number(event.target.value) })}
            className="rounded-md border border-line px-2 py-1 text-sm"
          >
            {Array.from({ length: pageCount }, (_, index) => (
              <option key={index} value={index + 1}>
                {t('pageNumber', { page: index + 1 })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="mt-2 text-xs text-muted">{t('unitsHint')}</p>
      <Button type="button" variant="ghost" className="mt-2 px-0 text-danger" onClick={onRemove} disabled={!editable}>
        <Trash2 aria-hidden className="h-4 w-4" />
        {t('removeField')}
      </Button>
    </section>
  );
}

function Thumbnails({
  pdf,
  pageCount,
  current,
  onSelect,
  fields,
  label,
}: {
  pdf: PDFDocumentProxy | null;
  pageCount: number;
  current: number;
  onSelect: (page: number) => void;
  fields: FieldPlacement[];
  label: (page: number) => string;
}) {
  const canvases = useRef(new Map<number, HTMLCanvasElement>());
  useEffect(() => {
    if (!pdf) return;
    let cancelled = false;
    void (async () => {
      // One page at a time: a long agreement must not freeze the tab.
      for (let number = 1; number <= Math.min(pageCount, 200) && !cancelled; number += 1) {
        const canvas = canvases.current.get(number);
        if (!canvas) continue;
        const page = await pdf.getPage(number);
        const base = page.getViewport({ scale: 1 });
        const viewport = page.getViewport({ scale: 110 / base.width });
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        await page.render({ canvas, viewport }).promise.catch(() => undefined);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [pdf, pageCount]);
  return (
    <ol className="flex gap-2 overflow-x-auto lg:max-h-[80vh] lg:flex-col lg:overflow-y-auto">
      {Array.from({ length: pageCount }, (_, index) => {
        const number = index + 1;
        const count = fields.filter((field) => field.page === number).length;
        return (
          <li key={number}>
            <button
              type="button"
              onClick={() => onSelect(number)}
              aria-current={current === number ? 'page' : undefined}
              aria-label={label(number)}
              className={`relative flex w-28 flex-col items-center rounded border bg-white p-1 text-xs ${current === number ? 'border-navy ring-2 ring-navy/30' : 'border-line'}`}
            >
              <canvas
                ref={(element) => {
                  if (element) canvases.current.set(number, element);
                }}
                aria-hidden
                className="w-full"
              />
              <span aria-hidden>{number}</span>
              {count > 0 ? (
                <span aria-hidden className="absolute right-1 top-1 rounded-full bg-navy px-1.5 text-[10px] text-white">
                  {count}
                </span>
              ) : null}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
