/**
 * Whether Auth.js may complete a sign-in. Only people already invited have users; an
 * identity provider's account is linked to one by its email address, which is safe only
 * when the provider vouches for that address (OIDC `email_verified`): otherwise anyone who
 * can register that address at the provider would take over the invited user's account.
 * The verification is checked before the user is looked up, so a refusal says nothing
 * about who has an account.
 */
export type SignInDecision = { allow: true } | { allow: false; redirectTo: string };

export const UNVERIFIED_EMAIL_PAGE = '/auth-error?error=EmailUnverified';
export const UNKNOWN_ADDRESS_PAGE = '/check-email';

export function decideSignIn({
  providerType,
  email,
  emailVerified,
  knownUser,
}: {
  /** Auth.js account type: 'email' (magic link) or 'oidc' / 'oauth' */
  providerType: string | undefined;
  email: string | null | undefined;
  /** The provider's `email_verified` claim, as it came */
  emailVerified: unknown;
  knownUser: boolean;
}): SignInDecision {
  if (!email) return { allow: false, redirectTo: UNKNOWN_ADDRESS_PAGE };
  // A magic link proves the address by being opened; another provider must say so itself.
  const provesAddress = providerType === 'email' || emailVerified === true || emailVerified === 'true';
  if (!provesAddress) return { allow: false, redirectTo: UNVERIFIED_EMAIL_PAGE };
  return knownUser ? { allow: true } : { allow: false, redirectTo: UNKNOWN_ADDRESS_PAGE };
}
