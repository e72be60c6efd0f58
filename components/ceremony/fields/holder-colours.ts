import type { FieldHolder } from '@/components/ceremony/fields/use-field-placements';

const COLOURS = ['#1f3a5f', '#76591a', '#1e6b3a', '#7a2e5f', '#245a63', '#8a4b1f'];

/** The first colour: for a field whose holder is not (or no longer) in the list. */
export const FALLBACK_COLOUR = COLOURS[0]!;

/** One colour per holder, in list order, so a holder's fields and palette entry match. */
export function holderColours(holders: FieldHolder[]): Map<string, string> {
  return new Map(holders.map((holder, index) => [holder.participantId, COLOURS[index % COLOURS.length]!]));
}
