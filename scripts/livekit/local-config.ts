import { config as loadDotenv } from 'dotenv';
import { parseEnv } from '@/lib/env';
import { buildLocalServerConfig, isLocalLiveKitUrl, liveKitPort } from '@/lib/live/local-server-config';

// Prints shell assignments for scripts/livekit/start.sh. Reads .env (as prisma.config.ts
// does) and the same defaults as the app (lib/env.ts), so server and app always agree on
// keys, port and webhook target.
loadDotenv({ quiet: true });
const env = parseEnv(process.env);
const config = buildLocalServerConfig({
  livekitUrl: env.LIVEKIT_URL,
  apiKey: env.LIVEKIT_API_KEY,
  apiSecret: env.LIVEKIT_API_SECRET,
  appUrl: env.APP_URL,
});

const lines = {
  LIVEKIT_LOCAL: isLocalLiveKitUrl(env.LIVEKIT_URL) ? '1' : '0',
  LIVEKIT_URL_RESOLVED: env.LIVEKIT_URL,
  LIVEKIT_PORT: String(liveKitPort(env.LIVEKIT_URL)),
  LIVEKIT_CONFIG_BASE64: Buffer.from(config).toString('base64'),
  LIVEKIT_WEBHOOK_TARGET: new URL('/api/livekit/webhook', env.APP_URL).toString(),
};
for (const [name, value] of Object.entries(lines)) console.log(`${name}='${value.replaceAll("'", '')}'`);
