import { notificationsApi } from "@/modules/identity/notifications.api.ts";
import { getNotificationPreferences, setNotificationPreferences } from "@/modules/identity/notifications.service.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(notificationsApi.get, async ({ ctx }) => getNotificationPreferences(ctx));
export const PATCH = route(notificationsApi.update, async ({ ctx, body }) => setNotificationPreferences(ctx, body));
