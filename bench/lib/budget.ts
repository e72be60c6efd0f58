/**
 * One line per budget, in the format docs/architecture.md fixes so that people can read it and
 * scripts can collect it:
 *   BUDGET P1 ratio=2.41 limit=3 PASS  (sign 31.2 MB/300 pages: 148 ms; H+W: 61 ms)
 */
export interface BudgetResult {
  id: string;
  ratio: number;
  limit: number;
  /** What was compared, in plain words. */
  detail: string;
  /** Forces FAIL whatever the ratio (e.g. a broken invariant measured alongside). */
  failed?: boolean;
}

function formatBudget({ id, ratio, limit, detail, failed }: BudgetResult): string {
  const pass = !failed && Number.isFinite(ratio) && ratio <= limit;
  return `BUDGET ${id} ratio=${ratio.toFixed(2)} limit=${limit} ${pass ? 'PASS' : 'FAIL'}  (${detail})`;
}

export function printBudget(result: BudgetResult): void {
  console.log(formatBudget(result));
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
