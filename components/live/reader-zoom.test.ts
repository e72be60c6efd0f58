import { describe, expect, it } from 'vitest';
import { stepZoom, ZOOM_STEPS } from '@/components/live/reader-zoom';

describe('stepZoom', () => {
  it('steps up and down from a step', () => {
    expect(stepZoom(1, 1)).toBe(1.25);
    expect(stepZoom(1, -1)).toBe(0.8);
  });

  it('stays within the steps', () => {
    expect(stepZoom(ZOOM_STEPS[0]!, -1)).toBe(ZOOM_STEPS[0]);
    expect(stepZoom(ZOOM_STEPS.at(-1)!, 1)).toBe(ZOOM_STEPS.at(-1));
  });

  it('steps from between two steps as from the upper one', () => {
    expect(stepZoom(1.1, 1)).toBe(1.5);
    expect(stepZoom(1.1, -1)).toBe(1);
  });
});
