'use client';

import { createContext, useContext } from 'react';

export interface RoomFocusValue {
  /** The agreement gets most of the screen; video shrinks to a strip. */
  focusMode: boolean;
  toggleFocusMode: () => void;
}

export const RoomFocusContext = createContext<RoomFocusValue>({ focusMode: false, toggleFocusMode: () => undefined });

export function useRoomFocus(): RoomFocusValue {
  return useContext(RoomFocusContext);
}
