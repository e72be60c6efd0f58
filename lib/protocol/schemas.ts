import { z } from 'zod';
import { stepKinds } from '@/lib/protocol/programme-steps';

/**
 * Schemas shared by the protocol forms and their actions. Messages are keys, translated
 * with `protocol.fieldErrors.<key>` beside the field.
 */

export const programmeStepInputSchema = z
  .object({
    /** Absent for a step the organiser adds now. */
    id: z.string().min(1).max(64).nullable(),
    kind: z.enum(stepKinds, 'invalid'),
    title: z.string().trim().max(120, 'tooLong'),
    speakerParticipantId: z.string().min(1).max(64).nullable(),
  })
  .superRefine((step, ctx) => {
    if (step.kind === 'custom' && step.title === '') ctx.addIssue({ code: 'custom', path: ['title'], message: 'titleRequired' });
  });

export const programmeSchema = z.object({
  steps: z.array(programmeStepInputSchema).min(1, 'noSteps').max(30, 'tooManySteps'),
});
export type ProgrammeStepInput = z.infer<typeof programmeStepInputSchema>;

export const fullPowersDecisionSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve'), reason: z.string().trim().max(500, 'tooLong').optional() }),
  z.object({ decision: z.literal('reject'), reason: z.string().trim().min(3, 'reasonRequired').max(500, 'tooLong') }),
]);
