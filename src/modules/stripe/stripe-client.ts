/**
 * The one place the app builds a stripe-node client. The platform's key (STRIPE_SECRET_KEY) makes
 * every call; calls for a company's payments name its connected account (`stripeAccount`).
 * STRIPE_API_BASE points the client at another host (the local fake Stripe in tests and e2e).
 */
import Stripe from "stripe";
import { env } from "@/server/config/env.ts";
import { AppError } from "@/server/errors/errors.ts";

let cached: { key: string; base: string | undefined; client: Stripe } | undefined;

/** True when this installation has a Stripe key: card payments can be offered at all. */
export function stripeConfigured(): boolean {
  return !!env().STRIPE_SECRET_KEY;
}

export function stripeOptionsFromBase(base: string | undefined): Pick<Stripe.StripeConfig, "host" | "port" | "protocol"> {
  if (!base) return {};
  const u = new URL(base);
  const protocol = u.protocol === "http:" ? "http" : "https";
  return { host: u.hostname, port: u.port ? Number(u.port) : protocol === "http" ? 80 : 443, protocol };
}

/** The platform client; throws 503 when Stripe is not configured on this installation. */
export function stripe(): Stripe {
  const e = env();
  const key = e.STRIPE_SECRET_KEY;
  if (!key) throw new AppError("UNAVAILABLE", "Card payments are not configured on this installation.");
  if (!cached || cached.key !== key || cached.base !== e.STRIPE_API_BASE) {
    cached = {
      key,
      base: e.STRIPE_API_BASE,
      client: new Stripe(key, { ...stripeOptionsFromBase(e.STRIPE_API_BASE), maxNetworkRetries: 2, timeout: 20_000, appInfo: { name: "Quantract" } }),
    };
  }
  return cached.client;
}

/** The webhook signing secret, or null when none is configured (every delivery is then refused). */
export function stripeWebhookSecret(): string | null {
  return env().STRIPE_WEBHOOK_SECRET ?? null;
}
