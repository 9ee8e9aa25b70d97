import { z } from "zod";

/** Suspending or reactivating a company always says why (it goes into the audit trail). */
export const companyStatusChangeInput = z.object({
  reason: z.string().trim().min(5, "Say why, in a few words (at least 5 characters)").max(500, "Keep the reason under 500 characters"),
});
export type CompanyStatusChangeInput = z.infer<typeof companyStatusChangeInput>;

export const tenantOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  status: z.enum(["TRIAL", "ACTIVE", "SUSPENDED"]),
  statusReason: z.string().nullable(),
  userCount: z.number().int(),
  lastActivityAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type TenantView = z.infer<typeof tenantOutput>;
export const tenantList = z.object({ items: z.array(tenantOutput), nextCursor: z.null() });
