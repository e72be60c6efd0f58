'use client';

import { useEffect, useState, type RefObject } from 'react';

/**
 * The content box of an element, in whole CSS pixels, followed as the layout changes
 * (once per frame at most); the same size twice keeps the same object.
 */
export function useElementBox(ref: RefObject<HTMLElement | null>) {
  const [box, setBox] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let frame = 0;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const width = Math.floor(entry.contentRect.width);
        const height = Math.floor(entry.contentRect.height);
        setBox((current) => (current && current.width === width && current.height === height ? current : { width, height }));
      });
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [ref]);
  return box;
}
