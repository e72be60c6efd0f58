import { z } from 'zod';
import { ianaTimeZone } from '@/lib/ceremonies/schemas';
import { locales } from '@/lib/i18n/locales';

export const memberRoles = ['signatory', 'witness', 'delegate', 'observer', 'organiser'] as const;
export type MemberRole = (typeof memberRoles)[number];
/** Signatories, witnesses and delegates act for a party; organisers and press may stand apart. */
const rolesInADelegation = new Set<MemberRole>(['signatory', 'witness', 'delegate']);

export const delegationSchema = z.object({
  name: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  country: z.string().trim().min(1, 'required').max(100, 'tooLong'),
  capitalName: z.string().trim().min(1, 'required').max(100, 'tooLong'),
  capitalTimeZone: ianaTimeZone,
  defaultLocale: z.enum(locales, 'invalid'),
});
export type DelegationInput = z.infer<typeof delegationSchema>;

const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : null));

const memberFields = z.object({
  name: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  title: z.string().trim().max(200, 'tooLong').default(''),
  email: z.string().trim().toLowerCase().pipe(z.email('invalidEmail').max(254, 'tooLong')),
  role: z.enum(memberRoles, 'invalidRole'),
  delegationId: optionalId,
});

function requireDelegationForRole(member: { role: MemberRole; delegationId: string | null }, ctx: z.RefinementCtx) {
  if (member.delegationId === null && rolesInADelegation.has(member.role)) {
    ctx.addIssue({ code: 'custom', path: ['delegationId'], message: 'delegationRequired' });
  }
}

export const memberSchema = memberFields.superRefine(requireDelegationForRole);
/** Editing a member: the email is the person's identity and stays. */
export const memberUpdateSchema = memberFields.omit({ email: true }).superRefine(requireDelegationForRole);
export type MemberInput = z.input<typeof memberSchema>;
export type MemberUpdateInput = z.input<typeof memberUpdateSchema>;
export type ParsedMember = z.output<typeof memberSchema>;

export const reorderDelegationsSchema = z.object({ order: z.array(z.string().min(1)).min(1).max(50) });

export const importMembersSchema = z.object({
  csv: z.string().max(200_000, 'tooLong'),
  /** Rows without a delegation column go to this delegation */
  defaultDelegationId: optionalId,
  /** Import the valid rows even when others have errors */
  onlyValid: z.boolean().default(false),
});
