/** Form conversions between what people type (pounds, percent) and what the API takes (pence, bps). Pure. */

/** "12.5" / "£1,234.56" → 1250 / 123456; null for anything that isn't an amount with at most 2 decimals. */
export function poundsToPence(text: string): number | null {
  const t = text.replace(/[£,\s]/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  const [whole, frac = ""] = t.split(".");
  return Number(whole) * 100 + Number(frac.padEnd(2, "0"));
}

/** 1250 → "12.50" */
export function penceToPounds(pence: number): string {
  return `${Math.trunc(pence / 100)}.${String(Math.abs(pence) % 100).padStart(2, "0")}`;
}

/** "1.5" → 1500 (thousandths); null when not a positive number with at most 3 decimals. */
export function quantityToMilli(text: string): number | null {
  const t = text.trim();
  if (!/^\d+(\.\d{1,3})?$/.test(t)) return null;
  const [whole, frac = ""] = t.split(".");
  const v = Number(whole) * 1000 + Number(frac.padEnd(3, "0"));
  return v > 0 ? v : null;
}

/** "25" / "12.5" → 2500 / 1250 basis points; null when not 0–100 with at most 2 decimals. */
export function percentToBps(text: string): number | null {
  const t = text.replace(/[%\s]/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  const [whole, frac = ""] = t.split(".");
  const v = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  return v <= 10000 ? v : null;
}

/** Today's date as YYYY-MM-DD in the browser's own time zone (forms default "received on" to it). */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

/** 1250 → "12.5", 2500 → "25", 0 → "0": basis points shown as a percentage. */
export function bpsToPercent(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const frac = String(bps % 100).padStart(2, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : String(whole);
}
