import { z } from "zod";
import { defineOperation, policy } from "@/server/http/operation.ts";
import { invoiceTokenParams, startCheckoutInput, startCheckoutOutput } from "./checkout.schema.ts";
import { paymentSettingsInput, paymentSettingsOutput } from "./payment-settings.schema.ts";

export const paymentSettingsApi = {
  get: defineOperation({
    method: "GET",
    path: "/api/admin/settings/payments",
    summary: "Card payments (Stripe Connect status), part payments, reminder cadence, late-payment figures and VAT accounting basis",
    tag: "Payments",
    policy: policy.can("company.view"),
    response: paymentSettingsOutput,
  }),
  update: defineOperation({
    method: "PATCH",
    path: "/api/admin/settings/payments",
    summary: "Change part payments, reminder cadence, late-payment interest and compensation, VAT accounting basis (audited)",
    tag: "Payments",
    policy: policy.can("settings.manage"),
    body: paymentSettingsInput,
    response: paymentSettingsOutput,
  }),
  connect: defineOperation({
    method: "POST",
    path: "/api/admin/settings/payments/connect",
    summary: "Connect (or resume connecting) the company's own Stripe account: returns the Stripe onboarding URL",
    tag: "Payments",
    policy: policy.can("settings.manage"),
    response: z.object({ url: z.url() }),
  }),
  refresh: defineOperation({
    method: "GET",
    path: "/api/admin/settings/payments/connect/refresh",
    summary: "Stripe's refresh URL: redirects to a fresh onboarding link",
    tag: "Payments",
    policy: policy.can("settings.manage"),
    response: z.unknown(),
  }),
  sync: defineOperation({
    method: "POST",
    path: "/api/admin/settings/payments/connect/sync",
    summary: "Read the connected account's status from Stripe (after onboarding) and store it",
    tag: "Payments",
    policy: policy.can("settings.manage"),
    response: paymentSettingsOutput,
  }),
};

export const cardPaymentsApi = {
  checkout: defineOperation({
    method: "POST",
    path: "/api/public/invoices/{token}/checkout",
    summary: "Pay by card: a Stripe Checkout Session on the company's account for the balance (or a part, when allowed); returns its URL",
    tag: "Client links",
    policy: policy.public(),
    params: invoiceTokenParams,
    body: startCheckoutInput,
    response: startCheckoutOutput,
  }),
  webhook: defineOperation({
    method: "POST",
    path: "/api/webhooks/stripe",
    summary: "Stripe Connect webhook: signature-verified raw body, each event processed once (payments, refunds, account status)",
    tag: "Webhooks",
    // Authenticated by the Stripe-Signature over the raw body, not by a session; server-to-server.
    policy: policy.public({ crossOrigin: true }),
    response: z.object({ received: z.literal(true), duplicate: z.boolean(), handled: z.string() }),
  }),
};
