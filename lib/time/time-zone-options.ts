import { instantToZonedLocal } from '@/lib/ceremonies/resolve-ceremony-times';

/** Every IANA region zone the runtime knows (for the zone pickers), plus UTC. */
export function timeZoneOptions(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/Berlin', 'Asia/Seoul'];
  return ['UTC', ...zones.filter((zone) => zone.includes('/'))];
}

/** A sensible first proposal: a week from now, 10:00–11:00 in the given zone. */
export function defaultCeremonySlot(timeZone: string, now = new Date()): { startLocal: string; endLocal: string } {
  const day = instantToZonedLocal(new Date(now.getTime() + 7 * 86_400_000), timeZone).slice(0, 10);
  return { startLocal: `${day}T10:00`, endLocal: `${day}T11:00` };
}
