/** The reader's zoom steps, as a share of the fitted size. */
export const ZOOM_STEPS = [0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3];

/** The next zoom step up (1) or down (-1) from `current`, staying within the steps. */
export function stepZoom(current: number, direction: 1 | -1): number {
  const index = ZOOM_STEPS.findIndex((step) => step >= current - 1e-6);
  const next = ZOOM_STEPS[Math.max(0, Math.min(ZOOM_STEPS.length - 1, (index === -1 ? ZOOM_STEPS.length - 1 : index) + direction))];
  return next ?? current;
}
