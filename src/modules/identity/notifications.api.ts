import { defineOperation, policy } from "@/server/http/operation.ts";
import { notificationPreferencesInput, notificationPreferencesOutput } from "./notifications.schema.ts";

export const notificationsApi = {
  get: defineOperation({
    method: "GET",
    path: "/api/account/notifications",
    summary: "Your email notification choices in the active company",
    tag: "Account",
    policy: policy.member(),
    response: notificationPreferencesOutput,
  }),
  update: defineOperation({
    method: "PATCH",
    path: "/api/account/notifications",
    summary: "Turn email notification categories off or on for yourself (audited)",
    tag: "Account",
    policy: policy.member(),
    body: notificationPreferencesInput,
    response: notificationPreferencesOutput,
  }),
};
