'use client';

import { useTranslations } from 'next-intl';
import type { FieldHolder, FieldPlacements } from '@/components/ceremony/fields/use-field-placements';
import { Button } from '@/components/ui/button';
import type { FieldPlacement } from '@/lib/documents/schemas';

/** Whether every signatory has a signature field, every problem by field, and saving. */
export function FieldStatus({
  holders,
  placements,
  editable,
  fieldLabel,
}: {
  holders: FieldHolder[];
  placements: FieldPlacements;
  editable: boolean;
  fieldLabel: (field: FieldPlacement) => string;
}) {
  const t = useTranslations('schedule.fields');
  const tProblems = useTranslations('schedule.fields.problems');
  const { fields, allIssues, issues, saving, dirty, save } = placements;
  const problemText = (problem: string) => (tProblems.has(problem as 'page') ? tProblems(problem as 'page') : tProblems('invalid'));
  const signatoriesMissing = holders.filter(
    (holder) => holder.role === 'signatory' && !fields.some((field) => field.participantId === holder.participantId && field.kind === 'signature'),
  );
  return (
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
  );
}
