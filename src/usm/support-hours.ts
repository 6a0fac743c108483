/**
 * Support hours as agreements write them: `24x7`, or days and hours with a time zone, e.g.
 * `Mo-Fr 08:00-18:00 Europe/Amsterdam` or `Mo,We,Fr 07:30-16:00 UTC`.
 */
export type SupportHours = { readonly always: true } | { readonly always: false; readonly days: ReadonlySet<number>; readonly from: number; readonly to: number; readonly zone: string };

const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

export function parseSupportHours(text: string): SupportHours | undefined {
  if (/^\s*24\s*x\s*7\s*$/i.test(text)) return { always: true };
  const match = /^\s*([A-Za-z,-]+)\s+(\d{2}):(\d{2})-(\d{2}):(\d{2})\s+(\S+)\s*$/.exec(text);
  if (match === null) return undefined;
  const days = new Set<number>();
  for (const part of match[1]!.split(',')) {
    const [a, b] = part.split('-');
    const from = DAYS.indexOf(a!);
    const to = b === undefined ? from : DAYS.indexOf(b);
    if (from < 0 || to < 0 || to < from) return undefined;
    for (let d = from; d <= to; d++) days.add(d);
  }
  const from = Number(match[2]) * 60 + Number(match[3]);
  const to = Number(match[4]) * 60 + Number(match[5]);
  if (from >= to || to > 24 * 60 || !knownZone(match[6]!)) return undefined;
  return { always: false, days, from, to, zone: match[6]! };
}

/** Why support hours cannot be used, or undefined when they can be read. */
export function supportHoursProblem(text: string): string | undefined {
  return parseSupportHours(text) === undefined
    ? `"${text}" is not support hours: use 24x7, or days, hours and a time zone such as "Mo-Fr 08:00-18:00 Europe/Amsterdam"`
    : undefined;
}

/** Whether support in `outer` hours is there whenever `inner` promises it; undefined when they cannot be compared. */
export function covers(outer: SupportHours, inner: SupportHours): boolean | undefined {
  if (outer.always) return true;
  if (inner.always) return false;
  if (outer.zone !== inner.zone) return undefined;
  return [...inner.days].every((d) => outer.days.has(d)) && outer.from <= inner.from && outer.to >= inner.to;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Whether a zone is one this runtime knows (`Intl` names, e.g. `Europe/Amsterdam`, `UTC`). */
export function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The local day (0 = Monday) at `t` in the zone, and the instant of that day's local midnight. */
function localDay(t: number, zone: string): { weekday: number; midnight: number } {
  let format = formats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', weekday: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
  const sinceMidnight = ((Number(parts.hour) * 60 + Number(parts.minute)) * 60 + Number(parts.second)) * 1000 + (t % 1000);
  return { weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!), midnight: t - sinceMidnight };
}

/**
 * Each support window from the one `start` falls in (or the next) onward, as [open, close) instants.
 * A window is taken in the zone's offset at the start of its day (a change of clocks inside the
 * window shifts its end by that hour).
 */
function* windowsFrom(start: number, hours: Extract<SupportHours, { always: false }>): Generator<[number, number]> {
  let day = localDay(start, hours.zone);
  for (let i = 0; i < 800; i++) {
    if (hours.days.has(day.weekday)) {
      const close = day.midnight + hours.to * MINUTE;
      if (close > start) yield [Math.max(start, day.midnight + hours.from * MINUTE), close];
    }
    // Noon of the next local day, then back to its midnight: right across 23- and 25-hour days.
    day = localDay(day.midnight + 36 * HOUR, hours.zone);
  }
}

/** The instant at which `ms` of support time have passed since `start`. */
export function addSupportTime(start: number, ms: number, hours: SupportHours): number {
  if (hours.always) return start + ms;
  let left = ms;
  for (const [open, close] of windowsFrom(start, hours)) {
    if (left <= close - open) return open + left;
    left -= close - open;
  }
  throw new RangeError('the support hours leave no time in the next two years');
}

/** How much support time lies between `from` and `to`. */
export function supportTimeBetween(from: number, to: number, hours: SupportHours): number {
  if (to <= from) return 0;
  if (hours.always) return to - from;
  let total = 0;
  for (const [open, close] of windowsFrom(from, hours)) {
    if (open >= to) break;
    total += Math.min(close, to) - open;
  }
  return total;
}
