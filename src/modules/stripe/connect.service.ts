/**
 * Stripe Connect for a company: each company connects its own Stripe account (Express, GB) from
 * Settings > Payments; card payments are then made on that account. Also the company's payment
 * settings (part payments, reminder cadence, late-payment figures, VAT accounting basis).
 */
import type Stripe from "stripe";
import type { Company } from "@/generated/prisma/client.ts";
import { audit, auditLinkVisitor } from "@/server/audit/audit.ts";
import { env } from "@/server/config/env.ts";
import { assertCan, type RequestContext, type TenantContext } from "@/server/context.ts";
import type { TenantTx } from "@/server/db/tenancy.ts";
import { conflict, notFound, unavailable } from "@/server/errors/errors.ts";
import type { PaymentSettingsInput, PaymentSettingsView } from "./payment-settings.schema.ts";
import { stripe, stripeConfigured } from "./stripe-client.ts";

export function paymentSettingsView(c: Company): PaymentSettingsView {
  return {
    stripeConfigured: stripeConfigured(),
    stripeAccountId: c.stripeAccountId,
    stripeChargesEnabled: c.stripeChargesEnabled,
    stripeDetailsSubmitted: c.stripeDetailsSubmitted,
    allowPartPayments: c.allowPartPayments,
    reminderCadenceDays: c.reminderCadenceDays,
    lateInterestEnabled: c.lateInterestEnabled,
    lateInterestBaseRateBps: c.lateInterestBaseRateBps,
    lateInterestMarginBps: c.lateInterestMarginBps,
    lateFeeSmallPence: c.lateFeeSmallPence,
    lateFeeMediumPence: c.lateFeeMediumPence,
    lateFeeLargePence: c.lateFeeLargePence,
    vatAccountingBasis: c.vatAccountingBasis,
    vatStagger: c.vatStagger,
  };
}

async function ownCompany(ctx: TenantContext) {
  const c = await ctx.db.company.findUnique({ where: { id: ctx.companyId } });
  if (!c) throw notFound();
  return c;
}

export async function getPaymentSettings(ctx: TenantContext): Promise<PaymentSettingsView> {
  assertCan(ctx, "company.view");
  return paymentSettingsView(await ownCompany(ctx));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Writes only the fields that change; audited with before/after of those fields. */
export async function updatePaymentSettings(ctx: TenantContext, input: PaymentSettingsInput): Promise<PaymentSettingsView> {
  assertCan(ctx, "settings.manage");
  return ctx.db.$transaction(async (tx) => {
    const current = await tx.company.findUnique({ where: { id: ctx.companyId } });
    if (!current) throw notFound();
    const changed = Object.fromEntries(
      Object.entries(input).filter(([k, v]) => v !== undefined && !same((current as Record<string, unknown>)[k], v)),
    ) as PaymentSettingsInput;
    if (Object.keys(changed).length === 0) return paymentSettingsView(current);
    const updated = await tx.company.update({ where: { id: ctx.companyId }, data: changed });
    const before = Object.fromEntries(Object.keys(changed).map((k) => [k, (current as Record<string, unknown>)[k]]));
    await audit(tx, ctx, { entityType: "Company", entityId: ctx.companyId, action: "company.payment_settings_updated", before, after: changed });
    return paymentSettingsView(updated);
  });
}

function settingsUrl(query: string) {
  return `${env().APP_URL}/admin/settings/payments?${query}`;
}

async function accountLink(accountId: string): Promise<string> {
  const link = await stripe().accountLinks.create({
    account: accountId,
    type: "account_onboarding",
    return_url: settingsUrl("connect=return"),
    refresh_url: `${env().APP_URL}/api/admin/settings/payments/connect/refresh`,
  });
  return link.url;
}

function stripeUnavailable(err: unknown): never {
  throw unavailable("Stripe could not be reached. Try again in a moment.", err);
}

/**
 * Starts (or resumes) onboarding: creates the company's connected account once (idempotency key
 * per company, so two clicks make one account), stores its id, and returns Stripe's onboarding URL.
 */
export async function startConnectOnboarding(ctx: TenantContext): Promise<{ url: string }> {
  assertCan(ctx, "settings.manage");
  if (!stripeConfigured()) throw conflict("Card payments are not configured on this installation.");
  const company = await ownCompany(ctx);
  let accountId = company.stripeAccountId;
  if (!accountId) {
    let account: Stripe.Account;
    try {
      account = await stripe().accounts.create(
        {
          type: "express",
          country: "GB",
          default_currency: "gbp",
          ...(company.email ? { email: company.email } : {}),
          business_profile: { name: company.legalName ?? company.name },
          metadata: { companyId: company.id },
        },
        { idempotencyKey: `connect-account:${company.id}` },
      );
    } catch (err) {
      stripeUnavailable(err);
    }
    accountId = account.id;
    await ctx.db.$transaction(async (tx) => {
      const set = await tx.company.updateMany({ where: { id: ctx.companyId, stripeAccountId: null }, data: { stripeAccountId: account.id } });
      if (set.count === 1) {
        await audit(tx, ctx, { entityType: "Company", entityId: ctx.companyId, action: "company.stripe_connect_started", after: { stripeAccountId: account.id } });
      }
    });
    accountId = (await ownCompany(ctx)).stripeAccountId ?? accountId;
  }
  try {
    return { url: await accountLink(accountId) };
  } catch (err) {
    stripeUnavailable(err);
  }
}

/** A fresh onboarding link (Stripe's refresh_url: the previous link expired or was used). */
export async function refreshConnectLink(ctx: TenantContext): Promise<{ url: string }> {
  assertCan(ctx, "settings.manage");
  return startConnectOnboarding(ctx);
}

type AccountFlags = { charges_enabled?: boolean | null; details_submitted?: boolean | null };

/** Copies the account's flags to the company when they differ, inside the caller's transaction; audited. */
async function applyAccountFlags(tx: TenantTx, companyId: string, account: AccountFlags, record: (before: unknown, after: unknown) => Promise<unknown>) {
  const c = await tx.company.findUnique({ where: { id: companyId } });
  if (!c) return false;
  const next = { stripeChargesEnabled: !!account.charges_enabled, stripeDetailsSubmitted: !!account.details_submitted };
  if (c.stripeChargesEnabled === next.stripeChargesEnabled && c.stripeDetailsSubmitted === next.stripeDetailsSubmitted) return false;
  await tx.company.update({ where: { id: companyId }, data: next });
  await record({ stripeChargesEnabled: c.stripeChargesEnabled, stripeDetailsSubmitted: c.stripeDetailsSubmitted }, next);
  return true;
}

/** Back from onboarding: read the account from Stripe and store its status. */
export async function syncConnectStatus(ctx: TenantContext): Promise<PaymentSettingsView> {
  assertCan(ctx, "settings.manage");
  const company = await ownCompany(ctx);
  if (!company.stripeAccountId || !stripeConfigured()) return paymentSettingsView(company);
  let account: Stripe.Account;
  try {
    account = await stripe().accounts.retrieve(company.stripeAccountId);
  } catch (err) {
    stripeUnavailable(err);
  }
  await ctx.db.$transaction((tx) =>
    applyAccountFlags(tx, company.id, account, (before, after) =>
      audit(tx, ctx, { entityType: "Company", entityId: ctx.companyId, action: "company.stripe_status_updated", before, after }),
    ),
  );
  return paymentSettingsView(await ownCompany(ctx));
}

/** The `account.updated` webhook, inside its event's transaction for the account's company (audited, no actor). */
export async function applyAccountUpdated(tx: TenantTx, ctx: RequestContext, companyId: string, account: Stripe.Account): Promise<boolean> {
  return applyAccountFlags(tx, companyId, account, (before, after) =>
    auditLinkVisitor(tx, ctx, companyId, { entityType: "Company", entityId: companyId, action: "company.stripe_status_updated", before, after, metadata: { source: "stripe-webhook", account: account.id } }),
  );
}
