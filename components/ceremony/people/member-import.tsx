'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { importMembersAction, type ImportResult } from '@/app/ceremonies/[id]/actions';
import { useFormErrors } from '@/components/ceremony/use-form-errors';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { TextareaField } from '@/components/ui/textarea-field';

const columns = ['name', 'title', 'email', 'role', 'delegation'] as const;

/** Paste members from a spreadsheet, preview every row with its problems, then import. */
export function MemberImport({ ceremonyId, delegations, disabled }: { ceremonyId: string; delegations: { id: string; name: string }[]; disabled: boolean }) {
  const t = useTranslations('schedule.import');
  const tPeople = useTranslations('schedule.people');
  const tProblems = useTranslations('schedule.fieldErrors');
  const [state, action, pending] = useActionState<ImportResult, FormData>(importMembersAction, null);
  const errors = useFormErrors(state);
  const rows = state?.rows ?? [];
  const invalid = rows.filter((row) => Object.keys(row.errors).length > 0).length;
  const values = state?.ok && state.imported !== undefined ? {} : (state?.values ?? {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate aria-label={t('heading')}>
      <input type="hidden" name="ceremonyId" value={ceremonyId} />
      {state?.ok && state.imported !== undefined ? (
        <FormAlert tone="success">{t('done', { imported: state.imported, skipped: state.skipped ?? 0 })}</FormAlert>
      ) : null}
      {errors.general && !errors.field('csv') ? <FormAlert tone="error">{errors.general}</FormAlert> : null}
      <SelectField
        id="import-delegation"
        name="defaultDelegationId"
        label={t('defaultDelegation')}
        defaultValue={values.defaultDelegationId ?? delegations[0]?.id ?? ''}
      >
        {delegations.map((delegation) => (
          <option key={delegation.id} value={delegation.id}>
            {delegation.name}
          </option>
        ))}
        <option value="">{tPeople('noDelegation')}</option>
      </SelectField>
      <TextareaField
        id="import-csv"
        name="csv"
        label={t('paste')}
        hint={t('format')}
        defaultValue={values.csv}
        error={errors.field('csv')}
        rows={6}
        className="font-mono"
        disabled={disabled}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="intent" value="preview" variant="secondary" disabled={pending || disabled}>
          {t('preview')}
        </Button>
        {rows.length > 0 ? (
          <Button type="submit" name="intent" value="import" disabled={pending || disabled || invalid > 0}>
            {t('importAll', { count: rows.length })}
          </Button>
        ) : null}
        {rows.length > 0 && invalid > 0 && invalid < rows.length ? (
          <Button type="submit" name="intent" value="import-valid" variant="secondary" disabled={pending || disabled}>
            {t('importValid', { count: rows.length - invalid })}
          </Button>
        ) : null}
      </div>
      {rows.length > 0 ? (
        <div className="overflow-x-auto">
          <p className="mb-2 text-sm" role="status">
            {invalid > 0 ? t('summaryWithErrors', { total: rows.length, invalid }) : t('summaryOk', { total: rows.length })}
          </p>
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{t('previewCaption')}</caption>
            <thead>
              <tr className="border-b border-line text-left">
                <th scope="col" className="py-1 pr-3">
                  {t('line')}
                </th>
                {columns.map((column) => (
                  <th key={column} scope="col" className="py-1 pr-3">
                    {t(`columns.${column}`)}
                  </th>
                ))}
                <th scope="col" className="py-1">
                  {t('problems')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const problems = Object.entries(row.errors);
                return (
                  <tr key={row.line} className={`border-b border-line/60 align-top ${problems.length > 0 ? 'bg-danger/5' : ''}`}>
                    <td className="py-1 pr-3">{row.line}</td>
                    {columns.map((column) => (
                      <td key={column} className={`py-1 pr-3 ${row.errors[column] ? 'text-danger' : ''}`}>
                        {row.values[column]}
                      </td>
                    ))}
                    <td className="py-1 text-danger">
                      {problems.length === 0 ? (
                        <span className="text-ok">{t('rowOk')}</span>
                      ) : (
                        <ul>
                          {problems.map(([column, key]) => (
                            <li key={column}>
                              {t('problem', {
                                column: t.has(`columns.${column}` as 'columns.name') ? t(`columns.${column}` as 'columns.name') : column,
                                problem: tProblems.has(key as 'invalid') ? tProblems(key as 'invalid') : tProblems('invalid'),
                              })}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </form>
  );
}
