import { z } from 'zod';
import { locales } from '@/lib/i18n/locales';

const checkbox = z
  .union([z.boolean(), z.enum(['1', '0', 'true', 'false', 'on', ''])])
  .transform((value) => value === true || value === '1' || value === 'true' || value === 'on');

/** Sent with an upload (as query parameters: the body is the file itself). */
export const uploadMetadataSchema = z.object({
  language: z.enum(locales, 'invalidLanguage'),
  title: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  fileName: z
    .string()
    .trim()
    .max(255, 'tooLong')
    .transform((name) => name.replace(/[\\/\u0000-\u001f]/g, '_') || 'agreement.pdf'),
  authentic: checkbox.default(true),
  originalForDelegationId: z
    .string()
    .trim()
    .nullish()
    .transform((value) => (value ? value : null)),
  /** The organiser asks for a fresh single-revision copy without what the inspector refuses. */
  cleanCopy: checkbox.default(false),
});
export type UploadMetadata = z.input<typeof uploadMetadataSchema>;

export const fieldKinds = ['signature', 'initials', 'witness'] as const;
export type FieldKind = (typeof fieldKinds)[number];

export const fieldPlacementSchema = z.object({
  participantId: z.string().min(1),
  kind: z.enum(fieldKinds),
  page: z.number().int().min(1),
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().finite(),
  height: z.number().finite(),
});
export type FieldPlacement = z.infer<typeof fieldPlacementSchema>;

export const saveFieldsSchema = z.object({
  documentId: z.string().min(1),
  fields: z.array(fieldPlacementSchema).max(2000),
});
