/** Per-ceremony roles (docs/architecture.md, "Who does what"). Pure: server and client. */
export const participantRoles = ['organiser', 'signatory', 'witness', 'delegate', 'observer'] as const;
export type ParticipantRole = (typeof participantRoles)[number];

export function isParticipantRole(value: unknown): value is ParticipantRole {
  return typeof value === 'string' && (participantRoles as readonly string[]).includes(value);
}

/** What the token carries as LiveKit participant metadata; receivers trust only this. */
export interface RoomParticipantMetadata {
  role: ParticipantRole;
  participantId: string;
  delegationId: string | null;
}

export function parseRoomParticipantMetadata(metadata: string | undefined | null): RoomParticipantMetadata | null {
  if (!metadata) return null;
  try {
    const value: unknown = JSON.parse(metadata);
    if (typeof value !== 'object' || value === null) return null;
    const { role, participantId, delegationId } = value as Record<string, unknown>;
    if (!isParticipantRole(role) || typeof participantId !== 'string') return null;
    return { role, participantId, delegationId: typeof delegationId === 'string' ? delegationId : null };
  } catch {
    return null;
  }
}
