import { expireDueQuotes } from "@/modules/quotes/quote-expiry.ts";
import { claimExecution, completeExecution, ExecutionBusy } from "@/server/queue/execution.ts";
import type { JobPayload } from "@/server/queue/jobs.ts";
import { unsafeUnscopedDb } from "@/server/db/client.ts";

/** Once per day (the period is in the key); each quote's change is itself idempotent. */
export async function expireQuotesJob(key: string, p: JobPayload<"quotes.expire-due">) {
  const claim = await claimExecution(key, "maintenance", "quotes.expire-due", 120_000);
  if (claim === "done") return { duplicate: true };
  if (claim === "busy") throw new ExecutionBusy(key);
  const expired = await expireDueQuotes(p.period);
  await unsafeUnscopedDb().$transaction((tx) => completeExecution(tx, key));
  return { expired };
}
