/**
 * Domain messages the protocol screens say in the viewer's language (`protocol.errors.<key>`);
 * anything else falls back to the error code's general text. Pure: used by client components.
 */
const keys: Record<string, ProtocolErrorKey> = {
  'Each party must first sign its own original.': 'ownOriginalsFirst',
  'The signing cannot be skipped.': 'signingNotSkippable',
  'This is the first step.': 'firstStep',
  'The programme is over.': 'programmeOver',
  'The programme has not started.': 'notStarted',
  'The programme runs only while the ceremony is live.': 'notLive',
  'There is no agreement to sign.': 'noAgreement',
  'The roll call is taken while the ceremony is live.': 'notLive',
  'The programme can be changed only before the ceremony begins.': 'programmeLocked',
  'Only the organiser can do this.': 'organiserOnly',
  "Full powers are examined by the other party's organiser.": 'otherPartyReviews',
  'Only an organiser examines full powers.': 'otherPartyReviews',
};

export type ProtocolErrorKey =
  | 'ownOriginalsFirst'
  | 'signingNotSkippable'
  | 'firstStep'
  | 'programmeOver'
  | 'notStarted'
  | 'notLive'
  | 'noAgreement'
  | 'programmeLocked'
  | 'organiserOnly'
  | 'otherPartyReviews';

export function protocolErrorKey(message: string | undefined): ProtocolErrorKey | null {
  if (!message) return null;
  if (keys[message]) return keys[message];
  if (/ has no signature fields\.$/.test(message)) return 'noAgreement';
  return null;
}
