import { z } from 'zod';
import { signingOrders } from '@/lib/signing/decide-signing';

export const signingOrderSchema = z.object({
  signingOrder: z.enum(signingOrders, 'invalid'),
  /** Delegation ids in signing order; they become the delegations' order. Empty: keep it. */
  sequence: z.array(z.string().min(1)).max(50).default([]),
});
export type SigningOrderInput = z.infer<typeof signingOrderSchema>;
