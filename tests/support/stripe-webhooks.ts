/**
 * The fake Stripe for integration tests, with its webhooks delivered over HTTP (as Stripe does) to
 * the real webhook route handler through a local relay. Call it before importing any route that
 * reads the Stripe settings: it sets STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and STRIPE_API_BASE.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { startFakeStripe } from "./fake-stripe.ts";
import { call } from "./http.ts";

export async function fakeStripeWithWebhooks() {
  const fake = await startFakeStripe();
  Object.assign(process.env, { STRIPE_SECRET_KEY: fake.apiKey, STRIPE_WEBHOOK_SECRET: fake.webhookSecret, STRIPE_API_BASE: fake.url });
  const webhookRoute = await import("../../app/api/webhooks/stripe/route.ts");
  const relay = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", async () => {
      const r = await call(webhookRoute.POST, { rawBody: body, headers: { "stripe-signature": String(req.headers["stripe-signature"] ?? ""), "content-type": "application/json" } });
      res.writeHead(r.status, { "content-type": "application/json" });
      res.end(r.text);
    });
  });
  await new Promise<void>((r) => relay.listen(0, "127.0.0.1", () => r()));
  fake.setWebhookUrl(`http://127.0.0.1:${(relay.address() as AddressInfo).port}/api/webhooks/stripe`);
  return {
    fake,
    webhookRoute,
    close: async () => {
      await fake.close();
      await new Promise((r) => relay.close(r));
    },
  };
}
