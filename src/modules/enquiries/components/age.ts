/** "today", "1 day", "12 days", "3 months": how long an enquiry has been waiting (from a fixed `now`). */
export function ageLabel(createdAt: string, now: string): string {
  const days = Math.max(0, Math.floor((Date.parse(now) - Date.parse(createdAt)) / 86_400_000));
  if (days === 0) return "today";
  if (days < 60) return days === 1 ? "1 day" : `${days} days`;
  const months = Math.floor(days / 30);
  return `${months} months`;
}
