import { describe, expect, it } from 'vitest';
import {
  decodeRoomMessage,
  encodeRoomMessage,
  hostMessageSchema,
  isFromServer,
  mayDrivePages,
  pageMessageSchema,
  stateMessageSchema,
} from '@/lib/live/room-messages';

const organiser = { identity: 'u-org', metadata: { role: 'organiser' as const, participantId: 'p-org', delegationId: null } };
const signatory = { identity: 'u-sig', metadata: { role: 'signatory' as const, participantId: 'p-sig', delegationId: 'd1' } };
const noContext = { activeSignerIdentity: null };

describe('room messages', () => {
  it('round-trips a page message', () => {
    const bytes = encodeRoomMessage({ documentId: 'doc-1', page: 3 });
    expect(decodeRoomMessage(pageMessageSchema, bytes)).toEqual({ documentId: 'doc-1', page: 3 });
  });

  it('drops malformed payloads instead of throwing', () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    expect(decodeRoomMessage(pageMessageSchema, encode('not json'))).toBeNull();
    expect(decodeRoomMessage(pageMessageSchema, encode('{"documentId":"d","page":0}'))).toBeNull();
    expect(decodeRoomMessage(pageMessageSchema, encode('{"documentId":"d","page":1.5}'))).toBeNull();
    expect(decodeRoomMessage(pageMessageSchema, encode('{"page":2}'))).toBeNull();
    expect(decodeRoomMessage(stateMessageSchema, encode('{"kind":"nonsense"}'))).toBeNull();
    expect(decodeRoomMessage(hostMessageSchema, encode('{"kind":"muted","source":"screen"}'))).toBeNull();
    expect(decodeRoomMessage(pageMessageSchema, new Uint8Array([0xff, 0xfe, 0x00]))).toBeNull();
  });

  it('accepts the state messages the server sends', () => {
    for (const message of [
      { kind: 'revision', documentId: 'doc', revision: 2 },
      { kind: 'step', stepId: null },
      { kind: 'ceremony', state: 'SIGNING' },
    ] as const) {
      expect(decodeRoomMessage(stateMessageSchema, encodeRoomMessage(message))).toEqual(message);
    }
  });

  it('lets only the organiser drive pages for now, the active signer when one is named', () => {
    expect(mayDrivePages(organiser, noContext)).toBe(true);
    expect(mayDrivePages(signatory, noContext)).toBe(false);
    expect(mayDrivePages({ identity: 'u-x', metadata: null }, noContext)).toBe(false);
    expect(mayDrivePages(null, noContext)).toBe(false);
    expect(mayDrivePages(signatory, { activeSignerIdentity: 'u-sig' })).toBe(true);
    expect(mayDrivePages(signatory, { activeSignerIdentity: 'u-other' })).toBe(false);
  });

  it('believes state and host messages only from the server', () => {
    expect(isFromServer(null)).toBe(true);
    expect(isFromServer(organiser)).toBe(false);
  });
});
