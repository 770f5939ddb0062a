// The tone of each status a badge shows; its words are the one label of the status in the messages
// (status.<kind>.<value>, src/i18n), the same wherever the status appears.
import { i18n } from '../../i18n';

const { t, te } = i18n.global;

export type Tone = 'ok' | 'info' | 'warn' | 'bad' | 'neutral';

const TONES = {
  indicator: { met: 'ok', on_track: 'info', behind: 'bad' },
  timeliness: { on_time: 'ok', late: 'warn', missing: 'bad' },
  report: { submitted: 'info', approved: 'ok', returned: 'warn' },
} satisfies Record<string, Record<string, Tone>>;

/** A status as a badge: its label and its tone. A report's null status is `none` (not opened). */
export function statusBadge(kind: keyof typeof TONES, value: string | null): { text: string; tone: Tone } {
  const v = value ?? 'none';
  const tones: Record<string, Tone> = TONES[kind];
  return { text: te(`status.${kind}.${v}`) ? t(`status.${kind}.${v}`) : v, tone: tones[v] ?? 'neutral' };
}

/** A short name for a chart's axis (the table keeps the full official name). */
export function shortIndicatorName(code: string, name: string): string {
  if (te(`indicatorShort.${code}`)) return t(`indicatorShort.${code}`);
  return name.length > 32 ? name.slice(0, 30) + '…' : name;
}
