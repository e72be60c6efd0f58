/**
 * A script that inspects PDFs in the shared pool and then simply ends, as the seed,
 * demo:evidence and the e2e setup do: it must exit by itself (the pool's idle workers may
 * not hold it open) and not before its work is done (exit code 13 = unsettled await).
 */
import { inspectPdfInPool } from '@/lib/documents/pdf-inspector-pool';
import { minimalPdf } from '@accord/pdf-signing/testing/hostile-pdfs';

const inspections = await Promise.all([inspectPdfInPool(minimalPdf(), { policy: 'agreement' }), inspectPdfInPool(minimalPdf(), { policy: 'agreement' })]);
console.log(`inspected ${inspections.length}`);
