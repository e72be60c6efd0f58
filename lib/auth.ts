import 'server-only';
import { PrismaAdapter } from '@auth/prisma-adapter';
import NextAuth, { type NextAuthConfig } from 'next-auth';
import Nodemailer from 'next-auth/providers/nodemailer';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { safeRedirectUrl } from '@/lib/http/safe-redirect-path';
import { clientAddressFromForwardedFor, evidenceAddressFromForwardedFor, rateLimitKeysForAddress } from '@/lib/http/client-address';
import { sendMagicLink } from '@/lib/mail/send-magic-link';
import { decideSignIn } from '@/lib/users/decide-sign-in';
import { normalizeSignInEmail } from '@/lib/users/normalize-sign-in-email';

/**
 * Sign-in: email magic link (+ generic OIDC when configured), database sessions (revocable
 * server-side), only for people who are already users: organisers add people to a
 * ceremony, which creates their user; the first sign-in completes it.
 * The only domain file allowed to import next/*.
 */

export type GlobalRole = 'admin' | 'organiser' | 'archivist' | 'member';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  globalRole: GlobalRole;
  locale: string | null;
}

function providers(): NextAuthConfig['providers'] {
  const list: NextAuthConfig['providers'] = [
    Nodemailer({
      // The transport is ours (lib/mail); Auth.js only needs a placeholder server here.
      server: env.SMTP_URL ?? 'smtp://127.0.0.1:25',
      from: env.EMAIL_FROM,
      maxAge: 15 * 60,
      // The address our rate limits counted is the one the link goes to.
      normalizeIdentifier: normalizeSignInEmail,
      sendVerificationRequest: async ({ identifier, url, request }) => {
        await sendMagicLink({ email: identifier, url, acceptLanguage: request.headers.get('accept-language') });
      },
    }),
  ];
  if (env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET) {
    list.push({
      id: 'oidc',
      name: env.OIDC_NAME,
      type: 'oidc',
      issuer: env.OIDC_ISSUER,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      // Accounts are matched by the email of an invited user; the signIn callback lets a
      // link happen only when the provider says that address is verified.
      allowDangerousEmailAccountLinking: true,
    });
  }
  return list;
}

const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  // The extended SQLite client and the PostgreSQL client share this API.
  adapter: PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]),
  secret: env.AUTH_SECRET,
  trustHost: env.AUTH_TRUST_HOST,
  session: { strategy: 'database', maxAge: 12 * 60 * 60, updateAge: 60 * 60 },
  providers: providers(),
  pages: { signIn: '/sign-in', verifyRequest: '/check-email', error: '/auth-error' },
  callbacks: {
    async signIn({ user, account, profile }) {
      const email = user.email?.toLowerCase();
      const known = email ? await db.user.findUnique({ where: { email }, select: { id: true } }) : null;
      // Unknown addresses see the same "check your email" page: nobody learns who has an account.
      const decision = decideSignIn({ providerType: account?.type, email, emailVerified: profile?.email_verified, knownUser: Boolean(known) });
      return decision.allow ? true : decision.redirectTo;
    },
    // Every redirect Auth.js makes (after sign-in, from its own callbackUrl parameter) stays on this site.
    redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
    session({ session, user }) {
      const stored = user as typeof user & { globalRole?: string; locale?: string | null };
      return {
        ...session,
        user: { ...session.user, id: user.id, globalRole: stored.globalRole ?? 'member', locale: stored.locale ?? null },
      };
    },
  },
}));
export { handlers, signIn, signOut };

/** The signed-in user of this request, or null. Cached per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const user = session?.user as (Partial<SessionUser> & { email?: string | null; name?: string | null }) | undefined;
  if (!user?.id || !user.email) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name ?? user.email,
    globalRole: (user.globalRole ?? 'member') as GlobalRole,
    locale: user.locale ?? null,
  };
});

/** For pages: the signed-in user, or a redirect to sign-in that comes back here. */
export async function requireSessionUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** {@link clientRateLimitKeys} for server actions. */
export async function requestClientRateLimitKeys(): Promise<string[]> {
  return clientRateLimitKeys(await headers());
}

/**
 * The client's rate-limit key: the address named by the TRUSTED_PROXY_HOPS proxies, or no
 * key at all. Without a trustworthy address (no proxy in front: a client's own
 * X-Forwarded-For reaches us untouched) a per-client key would let a client pick its bucket,
 * or exhaust someone else's by naming their address; one shared bucket would let one client
 * throttle everyone. So the limits that remain are the ones on what the request is for: the
 * user, the email address.
 */
export function clientRateLimitKeys(list: Headers): string[] {
  return rateLimitKeysForAddress(trustedClientAddressFrom(list));
}

/** The client's address for evidence, or null when none is trustworthy (nothing is recorded then). */
function trustedClientAddressFrom(list: Headers): string | null {
  return clientAddressFromForwardedFor(list.get('x-forwarded-for'), env.TRUSTED_PROXY_HOPS);
}

/** The address a signing's evidence records (see evidenceAddressFromForwardedFor). */
export function evidenceClientAddressFrom(list: Headers): string {
  return evidenceAddressFromForwardedFor(list.get('x-forwarded-for'), env.TRUSTED_PROXY_HOPS);
}
