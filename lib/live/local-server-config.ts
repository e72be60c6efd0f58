/**
 * Configuration of the LiveKit server that `scripts/livekit/start.sh` runs on this machine.
 * Pure: keys, port and webhook target all come from lib/env.ts, so the server and the app
 * can never disagree about them. JSON is valid YAML, so the result goes to
 * `livekit-server --config-body` as it is.
 */

export interface LocalServerSettings {
  /** LIVEKIT_URL, e.g. ws://127.0.0.1:7880 */
  livekitUrl: string;
  apiKey: string;
  apiSecret: string;
  /** APP_URL: the server posts webhooks to `${appUrl}/api/livekit/webhook` */
  appUrl: string;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Only a loopback LIVEKIT_URL is ours to start; anything else is an external server or cloud. */
export function isLocalLiveKitUrl(livekitUrl: string): boolean {
  return loopbackHosts.has(new URL(livekitUrl).hostname);
}

export function liveKitPort(livekitUrl: string): number {
  const url = new URL(livekitUrl);
  if (url.port) return Number(url.port);
  return url.protocol === 'wss:' ? 443 : 80;
}

function webhookUrl(appUrl: string): string {
  return new URL('/api/livekit/webhook', appUrl).toString();
}

export function buildLocalServerConfig(settings: LocalServerSettings): string {
  const port = liveKitPort(settings.livekitUrl);
  const config = {
    port,
    bind_addresses: ['127.0.0.1'],
    rtc: {
      tcp_port: port + 1,
      port_range_start: 50000,
      port_range_end: 50100,
      use_external_ip: false,
      node_ip: '127.0.0.1',
    },
    keys: { [settings.apiKey]: settings.apiSecret },
    room: { empty_timeout: 300, max_participants: 100 },
    webhook: { api_key: settings.apiKey, urls: [webhookUrl(settings.appUrl)] },
    logging: { level: 'warn' },
  };
  return JSON.stringify(config);
}
