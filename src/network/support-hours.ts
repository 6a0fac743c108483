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
  if (from >= to || to > 24 * 60) return undefined;
  return { always: false, days, from, to, zone: match[6]! };
}

/** Whether support in `outer` hours is there whenever `inner` promises it; undefined when they cannot be compared. */
export function covers(outer: SupportHours, inner: SupportHours): boolean | undefined {
  if (outer.always) return true;
  if (inner.always) return false;
  if (outer.zone !== inner.zone) return undefined;
  return [...inner.days].every((d) => outer.days.has(d)) && outer.from <= inner.from && outer.to >= inner.to;
}
