import { z } from "zod";
import { MUTABLE_EMAIL_CATEGORY_KEYS } from "@/server/email/categories.ts";

export const notificationPreferencesInput = z.object({ muted: z.array(z.enum(MUTABLE_EMAIL_CATEGORY_KEYS)).max(20) });
export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesInput>;

export const notificationPreferencesOutput = z.object({
  categories: z.array(z.object({ key: z.string(), label: z.string(), description: z.string(), enabled: z.boolean() })),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesOutput>;
