import { describe, expect, it } from 'vitest';
import { buildLocalServerConfig, isLocalLiveKitUrl, liveKitPort } from '@/lib/live/local-server-config';

describe('local LiveKit server configuration', () => {
  it('binds loopback only, uses our keys and sends webhooks to the app', () => {
    const config = JSON.parse(
      buildLocalServerConfig({ livekitUrl: 'ws://127.0.0.1:7890', apiKey: 'k', apiSecret: 's'.repeat(32), appUrl: 'http://127.0.0.1:3200' }),
    );
    expect(config.port).toBe(7890);
    expect(config.bind_addresses).toEqual(['127.0.0.1']);
    expect(config.rtc).toMatchObject({ tcp_port: 7891, use_external_ip: false, node_ip: '127.0.0.1' });
    expect(config.keys).toEqual({ k: 's'.repeat(32) });
    expect(config.webhook).toEqual({ api_key: 'k', urls: ['http://127.0.0.1:3200/api/livekit/webhook'] });
  });

  it('starts a server only for a loopback LIVEKIT_URL', () => {
    expect(isLocalLiveKitUrl('ws://127.0.0.1:7880')).toBe(true);
    expect(isLocalLiveKitUrl('ws://localhost:7880')).toBe(true);
    expect(isLocalLiveKitUrl('wss://accord.livekit.cloud')).toBe(false);
    expect(liveKitPort('wss://accord.livekit.cloud')).toBe(443);
  });
});
