// A LiveKit participant's signal connection (the WebSocket to /rtc), without WebRTC: enough
// for LiveKit to accept or refuse a token and to tell the client who it joined as and when it
// is removed. Run with `node --experimental-websocket` (Node 20). Prints one JSON line per event.
import { SignalResponse } from '@livekit/protocol';

const [serverUrl, token] = process.argv.slice(2);
const print = (event) => process.stdout.write(`${JSON.stringify(event)}\n`);
const url = `${serverUrl}/rtc?access_token=${encodeURIComponent(token)}&auto_subscribe=1&sdk=js&version=2.23.0&protocol=16`;
const socket = new WebSocket(url);
socket.binaryType = 'arraybuffer';
socket.addEventListener('open', () => print({ type: 'open' }));
socket.addEventListener('error', () => print({ type: 'error' }));
socket.addEventListener('close', (event) => {
  print({ type: 'close', code: event.code });
  process.exit(0);
});
socket.addEventListener('message', (event) => {
  if (typeof event.data === 'string') return;
  const message = SignalResponse.fromBinary(new Uint8Array(event.data)).message;
  if (message.case === 'join') print({ type: 'join', room: message.value.room?.name, identity: message.value.participant?.identity });
  else if (message.case === 'leave') print({ type: 'leave', reason: message.value.reason });
});
process.stdin.on('end', () => socket.close());
process.stdin.resume();
