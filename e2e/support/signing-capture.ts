import { expect, type Locator, type Page } from '@playwright/test';

/**
 * How long a page may take to be fetched, parsed and drawn by pdf.js in a participant's
 * viewer, with four browsers, the app and LiveKit sharing the machine's two cores. It bounds
 * rendering only; every wait it is used for is for a condition, never a pause.
 */
export const PAGE_RENDER_TIMEOUT_MS = 20_000;

/**
 * How long a step the organiser starts may take on the server when it does PDF work for every
 * original (opening signing prepares six revisions; the exchange and conclusion seal), on the
 * same shared machine. Bounds that work only; the wait is for its visible outcome.
 */
export const SERVER_PDF_STEP_TIMEOUT_MS = 45_000;

/** The capture's stops, one after another: the viewer shows each, and each gets its tick. */
export async function lookAtEveryField(page: Page): Promise<{ documentId: string; page: string }[]> {
  const steps = page.getByTestId('signing-step');
  const count = await steps.count();
  expect(count, 'the capture lists the places to look at').toBeGreaterThan(0);
  const shown: { documentId: string; page: string }[] = [];
  for (let index = 0; index < count; index += 1) {
    await steps.nth(index).click();
    const current = page.getByTestId('signing-step-current');
    await expect(current).toContainText(`${index + 1}`);
    const documentId = (await current.getAttribute('data-document-id'))!;
    const pageNumber = (await current.getAttribute('data-page'))!;
    const pane = page.getByTestId('document-pane');
    await expect(pane).toHaveAttribute('data-document-id', documentId);
    await expect(pane).toHaveAttribute('data-rendered-page', pageNumber, { timeout: PAGE_RENDER_TIMEOUT_MS });
    await expect(page.getByTestId('my-field-highlight').first()).toBeVisible();
    await expect(steps.nth(index)).toHaveAttribute('data-seen', 'yes', { timeout: PAGE_RENDER_TIMEOUT_MS });
    shown.push({ documentId, page: pageNumber });
  }
  return shown;
}

/** Visible, inside the window, and the topmost element at its centre: a click or tap lands on it. */
export async function expectClickable(control: Locator) {
  await control.scrollIntoViewIfNeeded();
  await expect(control).toBeVisible();
  await expect(control).toBeInViewport();
  const onTop = await control.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit !== null && (hit === element || element.contains(hit));
  });
  expect(onTop, 'nothing covers the control').toBe(true);
  await control.click({ trial: true });
}

/**
 * Where a viewer's time went (milliseconds since the page loaded): the viewer's own marks
 * (known, fetched, parsed, drawn per document and revision) and the revision downloads.
 * Printed when a viewer is slow, so a failure says which step waited.
 */
async function viewerTimeline(page: Page): Promise<string> {
  return page.evaluate(() => {
    const marks = performance
      .getEntriesByType('mark')
      .filter((mark) => mark.name.startsWith('accord.viewer.'))
      .map((mark) => `${mark.name.replace('accord.viewer.', '')}@${Math.round(mark.startTime)}`);
    const downloads = performance
      .getEntriesByType('resource')
      .filter((entry): entry is PerformanceResourceTiming => entry.name.endsWith('/revision'))
      .map((entry) => `GET revision ${Math.round(entry.startTime)}→${Math.round(entry.responseEnd)}`);
    return [...marks, ...downloads].join(', ') || 'no viewer activity';
  });
}

/** The viewer has drawn `revision` (condition-based wait); a timeout says where the viewer's time went. */
export async function expectViewerDrew(page: Page, who: string, revision: string) {
  try {
    await expect(page.getByTestId('document-pane')).toHaveAttribute('data-revision', revision, { timeout: PAGE_RENDER_TIMEOUT_MS });
  } catch (error) {
    throw new Error(`${who}'s viewer did not draw revision ${revision}: ${await viewerTimeline(page).catch(() => 'page gone')}\n${String(error)}`);
  }
}
