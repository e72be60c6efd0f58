import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or WASM-backed server packages stay outside the bundle.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg', 'pg', 'nodemailer'],
  // The PDF engine is a workspace package that ships TypeScript source.
  transpilePackages: ['@accord/pdf-signing'],
  poweredByHeader: false,
  // `npm run typecheck` is its own CI step (whole repo, tests included); the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Uploads stream through route handlers with their own limit; actions carry small forms.
  experimental: { serverActions: { bodySizeLimit: '1mb' } },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(self), microphone=(self), display-capture=(self)' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
