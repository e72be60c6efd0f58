import { describe, expect, it } from 'vitest';
import {
  decodeRoomMessage,
  encodeRoomMessage,
  hostMessageSchema,
  isFromServer,
  mayDrivePages,
  mayShineSpotlight,
  pageMessageSchema,
  spotlightMessageSchema,
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

describe('spotlight while signing', () => {
  const spotlight = { participantIdentity: 'u-sig', documentId: 'doc-1', page: 4, active: true };

  it('round-trips and rejects malformed spotlights', () => {
    expect(decodeRoomMessage(spotlightMessageSchema, encodeRoomMessage(spotlight))).toEqual(spotlight);
    const encode = (text: string) => new TextEncoder().encode(text);
    expect(decodeRoomMessage(spotlightMessageSchema, encode('{"participantIdentity":"u","documentId":"d","page":1}'))).toBeNull();
    expect(decodeRoomMessage(spotlightMessageSchema, encode('{"participantIdentity":"","documentId":"d","page":1,"active":true}'))).toBeNull();
    expect(decodeRoomMessage(spotlightMessageSchema, encode('{"participantIdentity":"u","documentId":"d","page":0,"active":false}'))).toBeNull();
  });

  it('is believed only from the signatory or witness it names', () => {
    expect(mayShineSpotlight(signatory, spotlight)).toBe(true);
    expect(mayShineSpotlight({ ...signatory, metadata: { ...signatory.metadata, role: 'witness' } }, spotlight)).toBe(true);
    // Someone else naming the signatory, the organiser, a delegate, the server, no metadata: no.
    expect(mayShineSpotlight({ ...signatory, identity: 'u-other' }, spotlight)).toBe(false);
    expect(mayShineSpotlight(organiser, { ...spotlight, participantIdentity: 'u-org' })).toBe(false);
    expect(mayShineSpotlight({ identity: 'u-sig', metadata: { role: 'delegate', participantId: 'p', delegationId: null } }, spotlight)).toBe(false);
    expect(mayShineSpotlight(null, spotlight)).toBe(false);
    expect(mayShineSpotlight({ identity: 'u-sig', metadata: null }, spotlight)).toBe(false);
  });

  it('lets the spotlit signer drive pages, nobody else beyond the organiser', () => {
    const whileSigning = { activeSignerIdentity: 'u-sig' };
    expect(mayDrivePages(signatory, whileSigning)).toBe(true);
    expect(mayDrivePages({ ...signatory, identity: 'u-other' }, whileSigning)).toBe(false);
    expect(mayDrivePages(signatory, noContext)).toBe(false);
    expect(mayDrivePages(organiser, whileSigning)).toBe(true);
  });
});
