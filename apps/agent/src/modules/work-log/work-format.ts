/** Seconds as h:mm (time done and billed in the work log). */
export function hoursMinutes(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Seconds as h:mm:ss (the running timer). */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** "1:30", "1.5" or "1.5h" (hours), "90m" or "45" (minutes) as seconds; null when none of these. */
export function parseDuration(text: string): number | null {
  const v = text.trim().replace(',', '.');
  if (!v) return null;
  let m = /^(\d{1,2}):([0-5]\d)$/.exec(v);
  if (m) return Number(m[1]) * 3600 + Number(m[2]) * 60;
  m = /^(\d+(?:\.\d+)?)\s*h$/i.exec(v);
  if (m) return Math.round(Number(m[1]) * 3600);
  if (/^\d+\.\d+$/.test(v)) return Math.round(Number(v) * 3600);
  m = /^(\d+)\s*m?$/i.exec(v);
  if (m) return Number(m[1]) * 60;
  return null;
}
