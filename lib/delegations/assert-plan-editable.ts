import { isPlanEditable } from '@/lib/ceremonies/ceremony-state';
import { AppError } from '@/lib/errors';

export function assertPlanEditable(state: string): void {
  if (!isPlanEditable(state)) throw new AppError('INVALID_STATE', `The people and documents of a ${state} ceremony can no longer change.`);
}
