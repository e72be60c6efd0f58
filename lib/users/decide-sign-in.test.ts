import { describe, expect, it } from 'vitest';
import { decideSignIn, UNKNOWN_ADDRESS_PAGE, UNVERIFIED_EMAIL_PAGE } from '@/lib/users/decide-sign-in';

describe('decideSignIn', () => {
  it('links an OIDC account to the invited user only when the provider says the address is verified', () => {
    expect(decideSignIn({ providerType: 'oidc', email: 'anna@example.org', emailVerified: true, knownUser: true })).toEqual({ allow: true });
    expect(decideSignIn({ providerType: 'oidc', email: 'anna@example.org', emailVerified: 'true', knownUser: true })).toEqual({ allow: true });
  });

  it.each([
    ['false', false],
    ['the string "false"', 'false'],
    ['missing', undefined],
    ['null', null],
    ['a number', 1],
  ])('refuses an OIDC sign-in whose email_verified is %s, with the unverified-address page', (_case, emailVerified) => {
    expect(decideSignIn({ providerType: 'oidc', email: 'anna@example.org', emailVerified, knownUser: true })).toEqual({
      allow: false,
      redirectTo: UNVERIFIED_EMAIL_PAGE,
    });
    expect(decideSignIn({ providerType: 'oauth', email: 'anna@example.org', emailVerified, knownUser: true })).toEqual({
      allow: false,
      redirectTo: UNVERIFIED_EMAIL_PAGE,
    });
  });

  it('answers an unverified address the same whether or not someone has that account', () => {
    expect(decideSignIn({ providerType: 'oidc', email: 'nobody@example.org', emailVerified: false, knownUser: false })).toEqual(
      decideSignIn({ providerType: 'oidc', email: 'anna@example.org', emailVerified: false, knownUser: true }),
    );
  });

  it('magic links prove the address themselves; unknown addresses see the "check your email" page', () => {
    expect(decideSignIn({ providerType: 'email', email: 'anna@example.org', emailVerified: undefined, knownUser: true })).toEqual({ allow: true });
    expect(decideSignIn({ providerType: 'email', email: 'nobody@example.org', emailVerified: undefined, knownUser: false })).toEqual({
      allow: false,
      redirectTo: UNKNOWN_ADDRESS_PAGE,
    });
    expect(decideSignIn({ providerType: 'oidc', email: 'nobody@example.org', emailVerified: true, knownUser: false })).toEqual({
      allow: false,
      redirectTo: UNKNOWN_ADDRESS_PAGE,
    });
    expect(decideSignIn({ providerType: 'oidc', email: null, emailVerified: true, knownUser: false })).toMatchObject({ allow: false });
  });
});
