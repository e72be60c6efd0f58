'use client';

import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { updateProgrammeAction } from '@/app/ceremonies/[id]/programme/actions';
import { useProtocolError } from '@/components/protocol/use-protocol-text';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import type { EditableStep } from '@/lib/protocol/load-programme-editor';

interface Row extends EditableStep {
  key: string;
}

/** Steps that do something when they begin stay in the programme. */
const fixedKinds = new Set(['signing', 'exchange']);

/**
 * The organiser's programme before the day: reorder (arrow buttons, keyboard-usable),
 * rename, give the floor, add custom steps, remove steps. Saved as a whole.
 */
export function ProgrammeEditor({
  ceremonyId,
  steps,
  speakers,
  editable,
}: {
  ceremonyId: string;
  steps: EditableStep[];
  speakers: { id: string; name: string; delegation: string | null }[];
  editable: boolean;
}) {
  const t = useTranslations('protocol.editor');
  const tKinds = useTranslations('protocol.kinds');
  const tField = useTranslations('protocol.fieldErrors');
  const describeError = useProtocolError();
  const router = useRouter();
  const rowsOf = (saved: EditableStep[]) => saved.map((step, index) => ({ ...step, key: step.id ?? `template-${index}` }));
  const [rows, setRows] = useState<Row[]>(() => rowsOf(steps));
  // After a save the page reloads the programme (template steps now have ids): take it over.
  const stepsKey = steps.map((step) => `${step.id}|${step.title}|${step.speakerParticipantId}`).join('\n');
  const [shownKey, setShownKey] = useState(stepsKey);
  if (shownKey !== stepsKey) {
    setShownKey(stepsKey);
    setRows(rowsOf(steps));
  }
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  const [added, setAdded] = useState(0);

  const translate = (key: string) => (tField.has(key as 'invalid') ? tField(key as 'invalid') : tField('invalid'));
  const fieldError = (name: string) => (fieldErrors[name] ? translate(fieldErrors[name]) : undefined);
  const change = (index: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows((previous) => previous.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  };
  const move = (index: number, offset: number) => {
    setSaved(false);
    setRows((previous) => {
      const next = [...previous];
      const [row] = next.splice(index, 1);
      next.splice(index + offset, 0, row!);
      return next;
    });
  };
  const titleOf = (row: Row) => row.title || tKinds(row.kind);

  function save() {
    setGeneral(null);
    setFieldErrors({});
    setSaved(false);
    startTransition(async () => {
      const result = await updateProgrammeAction(
        ceremonyId,
        rows.map(({ id, kind, title, speakerParticipantId }) => ({ id, kind, title, speakerParticipantId })),
      );
      if (!result.ok) {
        setFieldErrors(result.fieldErrors ?? {});
        setGeneral(result.fieldErrors?.form ? translate(result.fieldErrors.form) : describeError(result));
        return;
      }
      setSaved(true);
      router.refresh();
    });
  }

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      data-testid="programme-editor"
    >
      {general ? <FormAlert tone="error">{general}</FormAlert> : null}
      {saved ? <FormAlert tone="success">{t('saved')}</FormAlert> : null}
      <fieldset disabled={!editable || pending} className="flex flex-col gap-3">
        <legend className="sr-only">{t('heading')}</legend>
        <ol className="flex flex-col gap-3">
          {rows.map((row, index) => (
            <li key={row.key} className="flex flex-col gap-3 rounded-md border border-line p-4" data-testid="programme-step" data-kind={row.kind}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="font-medium">{t('stepHeading', { position: index + 1, kind: tKinds(row.kind) })}</h3>
                <div className="flex gap-1">
                  <Button
                    type="button"
                    variant="secondary"
                    aria-label={t('moveUp', { title: titleOf(row) })}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    <ArrowUp aria-hidden size={16} />
                  </Button>
                  <Button
                    type="button"
                    variant="secondary"
                    aria-label={t('moveDown', { title: titleOf(row) })}
                    disabled={index === rows.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    <ArrowDown aria-hidden size={16} />
                  </Button>
                  <Button
                    type="button"
                    variant="secondary"
                    aria-label={t('remove', { title: titleOf(row) })}
                    disabled={fixedKinds.has(row.kind)}
                    title={fixedKinds.has(row.kind) ? t('fixed') : undefined}
                    onClick={() => {
                      setSaved(false);
                      setRows((previous) => previous.filter((_, i) => i !== index));
                    }}
                  >
                    <Trash2 aria-hidden size={16} />
                  </Button>
                </div>
              </div>
              <div className="grid gap-3 md:grid-cols-2">
                <TextField
                  id={`step-${row.key}-title`}
                  name={`steps.${index}.title`}
                  label={row.kind === 'custom' ? t('title') : t('titleOptional')}
                  placeholder={row.kind === 'custom' ? undefined : tKinds(row.kind)}
                  value={row.title}
                  maxLength={120}
                  required={row.kind === 'custom'}
                  onChange={(event) => change(index, { title: event.target.value })}
                  error={fieldError(`steps.${index}.title`)}
                />
                <SelectField
                  id={`step-${row.key}-speaker`}
                  name={`steps.${index}.speakerParticipantId`}
                  label={t('speaker')}
                  value={row.speakerParticipantId ?? ''}
                  onChange={(event) => change(index, { speakerParticipantId: event.target.value || null })}
                  error={fieldError(`steps.${index}.speakerParticipantId`)}
                >
                  <option value="">{t('noSpeaker')}</option>
                  {speakers.map((speaker) => (
                    <option key={speaker.id} value={speaker.id}>
                      {speaker.delegation ? t('speakerOption', { name: speaker.name, delegation: speaker.delegation }) : speaker.name}
                    </option>
                  ))}
                </SelectField>
              </div>
            </li>
          ))}
        </ol>
        <div className="flex flex-wrap gap-3">
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setSaved(false);
              setAdded((count) => count + 1);
              setRows((previous) => [...previous, { id: null, kind: 'custom', title: '', speakerParticipantId: null, key: `new-${added}` }]);
            }}
          >
            <Plus aria-hidden size={16} />
            {t('add')}
          </Button>
          <Button type="submit" data-testid="programme-save">
            {t('save')}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
