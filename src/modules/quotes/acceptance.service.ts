/**
 * The client's side of a quote, through its link (no account): view (marks it viewed once),
 * accept with a typed name and a drawn signature (atomic, once, for the latest sent version
 * only), decline or ask for changes. Acceptance creates the Agreement with the SHA-256 of the
 * accepted snapshot, queues its certificate PDF and the confirmation emails. A quote asking for a
 * deposit gets its deposit invoice issued, linked and emailed in the same transaction (see
 * stripe/deposit.service.ts): the acceptance and the deposit commit together or not at all.
 */
import { computeTotals, validateChoice, type Choice } from "@/modules/pricing/pricing.ts";
import { auditLinkVisitor } from "@/server/audit/audit.ts";
import { sha256 } from "@/server/auth/tokens.ts";
import { env } from "@/server/config/env.ts";
import type { RequestContext } from "@/server/context.ts";
import { tenantDb, type TenantTx } from "@/server/db/tenancy.ts";
import { queueEmail } from "@/server/email/queue-email.ts";
import { AppError, conflict, notFound, unavailable, validationFailed } from "@/server/errors/errors.ts";
import { writeOutbox } from "@/server/queue/outbox.ts";
import type { Limit } from "@/server/rate-limit/rate-limit.ts";
import { isValidPng } from "@/server/storage/png.ts";
import { newStorageKey, writeStoredFile } from "@/server/storage/storage.ts";
import { formatMoney } from "@/ui/format.ts";
import { depositPayUrl, issueDepositInTx, type DepositInvoice } from "@/modules/stripe/deposit.service.ts";
import { systemBillingContext } from "@/modules/invoices/billing-context.ts";
import { balanceDuePence } from "@/modules/invoices/invoice-money.ts";
import { createInvoiceLink } from "@/modules/invoices/invoices.service.ts";
import { logger } from "@/server/logging/logger.ts";
import type { AcceptQuoteInput, RespondQuoteInput } from "./acceptance.schema.ts";
import { findLinkByTokenHash } from "./acceptance.repo.ts";
import { acceptanceRefusal, type QuoteStatus } from "./quote-status.ts";
import { snapshotPriceLines, type QuoteSnapshot } from "./quote-view.ts";
import { snapshotHash } from "./quote-snapshot.ts";

/** Accept/respond attempts per IP and link (guessing tokens is hopeless anyway: 256 bits). */
export const QUOTE_LINK_LIMIT: Limit = { name: "quote-link", limit: 30, windowMs: 10 * 60_000 };

/** One answer for unknown, revoked and expired links: reveals nothing. */
export const LINK_GONE = "This quote link is no longer valid.";

export type ClientQuoteView = {
  companyId: string;
  quoteId: string;
  status: QuoteStatus;
  /** True while the office is preparing a newer version: the client can read but not accept. */
  revisionInProgress: boolean;
  snapshot: QuoteSnapshot;
  branding: { name: string; brandColor: string; phone: string | null; email: string | null };
  agreement: { signerName: string; acceptedAt: string; grossPence: number; choice: Choice; certificateReady: boolean } | null;
  responseComment: string | null;
  /** The deposit invoice issued on acceptance while something is still owed on it: the page offers to pay it. */
  depositDue: { number: string; balancePence: number } | null;
};

async function resolve(token: string) {
  const link = /^[A-Za-z0-9_-]{43}$/.test(token) ? await findLinkByTokenHash(sha256(token)) : null;
  if (!link || link.revokedAt || link.expiresAt <= new Date()) return null;
  return link;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

async function latestVersion(db: ReturnType<typeof tenantDb> | TenantTx, quoteId: string) {
  return db.quoteVersion.findFirst({ where: { quoteId }, orderBy: { version: "desc" } });
}

/** What the link shows; the first view of a sent quote marks it viewed (once, audited). */
export async function viewQuoteByLink(ctx: RequestContext, token: string): Promise<ClientQuoteView | null> {
  const link = await resolve(token);
  if (!link) return null;
  const db = tenantDb(link.companyId);
  const [quote, version, company, agreement] = await Promise.all([
    db.quote.findUnique({ where: { id: link.quoteId } }),
    latestVersion(db, link.quoteId),
    db.company.findFirst({ where: { id: link.companyId }, select: { name: true, brandPrimaryColor: true, phone: true, email: true, status: true } }),
    db.agreement.findFirst({ where: { quoteId: link.quoteId } }),
  ]);
  if (!quote || !version || !company || company.status === "SUSPENDED") return null;
  const certificate = agreement ? await findCertificate(db, agreement.id) : null;
  const deposit = agreement ? await findDepositDue(db, quote.id) : null;
  let status = quote.status as QuoteStatus;
  if (status === "SENT") {
    const marked = await db.quote.updateMany({ where: { id: quote.id, status: "SENT" }, data: { status: "VIEWED", viewedAt: new Date() } });
    if (marked.count === 1) {
      status = "VIEWED";
      await auditLinkVisitor(db, ctx, link.companyId, { entityType: "Quote", entityId: quote.id, action: "quote.viewed", after: { version: version.version } });
    }
  }
  return {
    companyId: link.companyId,
    quoteId: quote.id,
    status,
    revisionInProgress: quote.version > version.version,
    snapshot: version.snapshot as unknown as QuoteSnapshot,
    branding: { name: company.name, brandColor: company.brandPrimaryColor, phone: company.phone, email: company.email },
    agreement: agreement
      ? { signerName: agreement.signerName, acceptedAt: agreement.acceptedAt.toISOString(), grossPence: agreement.grossPence, choice: agreement.choice as Choice, certificateReady: !!certificate }
      : null,
    responseComment: quote.responseComment,
    depositDue: deposit ? { number: deposit.number!, balancePence: balanceDuePence(deposit) } : null,
  };
}

/** The quote's issued deposit invoice with money still owed on it (none once paid, credited or voided). */
async function findDepositDue(db: ReturnType<typeof tenantDb>, quoteId: string) {
  const invoice = await db.invoice.findFirst({
    where: { quoteId, kind: "DEPOSIT", status: { in: ["ISSUED", "PART_PAID"] } },
    orderBy: { createdAt: "desc" },
    select: { id: true, number: true, payablePence: true, paidPence: true, creditedPence: true },
  });
  return invoice && invoice.number && balanceDuePence(invoice) > 0 ? invoice : null;
}

/**
 * "Pay your deposit" from the accepted quote's page: the quote link vouches for the client, so a
 * fresh link to the deposit invoice is made (links are stored hashed, the emailed one can't be
 * recovered) and the client goes to Checkout, or to the invoice page when cards aren't taken.
 */
export async function depositPaymentByLink(ctx: RequestContext, token: string): Promise<{ payUrl: string }> {
  const link = await resolve(token);
  if (!link) throw notFound(LINK_GONE);
  const db = tenantDb(link.companyId);
  const deposit = await findDepositDue(db, link.quoteId);
  if (!deposit) throw conflict("There is no deposit to pay on this quote: it has been paid, or the company has changed it. Contact them if you think that's wrong.");
  const billing = systemBillingContext(link.companyId, ctx);
  const invoiceToken = await db.$transaction(async (tx) => {
    const t = await createInvoiceLink(tx, billing, deposit.id);
    await auditLinkVisitor(tx, ctx, link.companyId, { entityType: "Invoice", entityId: deposit.id, action: "invoice.deposit_link_from_quote", after: { number: deposit.number } });
    return t;
  });
  return { payUrl: await depositPayUrl(ctx, deposit.id, invoiceToken) };
}

async function findCertificate(db: ReturnType<typeof tenantDb>, agreementId: string) {
  return db.storedFile.findFirst({ where: { entityType: "Agreement", entityId: agreementId, kind: "pdf:agreement-certificate" }, orderBy: { id: "desc" } });
}

/** The signed agreement's certificate for the client holding the link (null until the worker made it). */
export async function agreementCertificateByLink(token: string) {
  const link = await resolve(token);
  if (!link) return null;
  const db = tenantDb(link.companyId);
  const agreement = await db.agreement.findFirst({ where: { quoteId: link.quoteId } });
  return agreement ? findCertificate(db, agreement.id) : null;
}

async function lockedQuote(tx: TenantTx, companyId: string, quoteId: string) {
  await tx.$queryRaw`SELECT 1 FROM "Quote" WHERE "companyId" = ${companyId}::uuid AND "id" = ${quoteId}::uuid FOR UPDATE`;
  const quote = await tx.quote.findUnique({ where: { id: quoteId }, include: { client: { include: { contacts: true } } } });
  if (!quote) throw notFound(LINK_GONE);
  return quote;
}

function checkVersion(latest: { version: number } | null, requested: number, quoteVersion: number) {
  if (!latest || latest.version !== requested || quoteVersion > latest.version) {
    throw conflict("This version of the quote has been replaced. Reload the page to see the latest one.");
  }
}

async function officeRecipients(tx: TenantTx) {
  const staff = await tx.companyMembership.findMany({
    where: { status: "ACTIVE", role: { in: ["ADMIN", "OFFICE"] } },
    select: { userId: true, user: { select: { email: true } } },
  });
  return { to: staff.map((s) => s.user.email), userIds: staff.map((s) => s.userId) };
}

/** The acceptance takes the quote's row lock and, with a deposit, the company's invoice counter: wait rather than fail. */
const ACCEPT_TX = { maxWait: 30_000, timeout: 30_000 };

export const DEPOSIT_FAILED = "We couldn't prepare your deposit invoice, so your acceptance hasn't been saved. Please try again in a moment.";

export async function acceptQuoteByLink(ctx: RequestContext, token: string, input: AcceptQuoteInput) {
  const accepted = await acceptInTransaction(ctx, token, input);
  // A deposit is due: straight to payment (a Checkout Session is made only now, after the commit).
  const payUrl = accepted.deposit ? await depositPayUrl(ctx, accepted.deposit.invoiceId, accepted.deposit.token) : null;
  return { agreementId: accepted.agreementId, grossPence: accepted.grossPence, depositInvoiceId: accepted.deposit?.invoiceId ?? null, payUrl };
}

async function acceptInTransaction(ctx: RequestContext, token: string, input: AcceptQuoteInput) {
  const link = await resolve(token);
  if (!link) throw notFound(LINK_GONE);
  const db = tenantDb(link.companyId);
  const png = Buffer.from(input.signature.slice(input.signature.indexOf(",") + 1), "base64");
  if (png.length < 100 || !isValidPng(png)) {
    throw validationFailed("Sign in the box.", { signature: "Sign in the box" });
  }
  try {
    return await db.$transaction(async (tx) => {
      const quote = await lockedQuote(tx, link.companyId, link.quoteId);
      const latest = await latestVersion(tx, quote.id);
      checkVersion(latest, input.version, quote.version);
      const refusal = acceptanceRefusal(quote.status as QuoteStatus, quote.validUntil.toISOString().slice(0, 10), today());
      if (refusal) throw conflict(refusal);
      const snapshot = latest!.snapshot as unknown as QuoteSnapshot;
      const priced = snapshotPriceLines(snapshot.lines);
      const problems = validateChoice(priced, input.choice);
      if (problems.length) throw validationFailed(problems[0]!.message, { choice: problems[0]!.message });
      const totals = computeTotals(priced, input.choice);

      const storageKey = newStorageKey(link.companyId, ".png");
      const stored = await writeStoredFile(storageKey, png);
      const signatureFile = await tx.storedFile.create({
        data: { companyId: link.companyId, storageKey, fileName: "signature.png", contentType: "image/png", size: stored.size, sha256: stored.sha256, kind: "signature", entityType: "Agreement", entityId: quote.id },
      });
      const agreement = await tx.agreement.create({
        data: {
          companyId: link.companyId,
          quoteId: quote.id,
          quoteVersionId: latest!.id,
          signerName: input.signerName,
          signatureFileId: signatureFile.id,
          choice: input.choice,
          grossPence: totals.grossPence,
          snapshotHash: snapshotHash(snapshot),
          ip: ctx.ip,
          userAgent: ctx.userAgent,
        },
      });
      await tx.quote.update({ where: { id: quote.id }, data: { status: "ACCEPTED", respondedAt: new Date(), grossPence: totals.grossPence } });
      await auditLinkVisitor(tx, ctx, link.companyId, {
        entityType: "Quote",
        entityId: quote.id,
        action: "quote.accepted",
        before: { status: quote.status },
        after: { status: "ACCEPTED", version: latest!.version, grossPence: totals.grossPence, agreementId: agreement.id, snapshotHash: agreement.snapshotHash },
        metadata: { signerName: input.signerName },
      });

      await writeOutbox(tx, {
        job: "pdf.render",
        companyId: link.companyId,
        idempotencyKey: `pdf:agreement:${agreement.id}`,
        payload: {
          companyId: link.companyId,
          document: "agreement-certificate",
          entityType: "Agreement",
          entityId: agreement.id,
          props: {
            quoteNumber: snapshot.number,
            version: snapshot.version,
            title: snapshot.title,
            client: snapshot.client,
            signerName: input.signerName,
            acceptedAt: agreement.acceptedAt.toISOString(),
            ip: ctx.ip ?? "unknown",
            userAgent: ctx.userAgent ?? "unknown",
            snapshotHash: agreement.snapshotHash,
            total: formatMoney(totals.grossPence),
            chosen: [...Object.entries(input.choice.options).map(([g, o]) => `${g}: ${o}`), ...input.choice.addons.map((a) => `Add-on: ${a}`)],
          },
          files: { signature: storageKey },
        },
      });
      const clientTo = quote.client.contacts.filter((c) => c.receivesQuotes && c.email).map((c) => c.email!);
      if (clientTo.length === 0 && quote.client.email) clientTo.push(quote.client.email);
      const props = { quoteNumber: snapshot.number, title: snapshot.title, total: formatMoney(totals.grossPence), signerName: input.signerName, clientName: snapshot.client };
      if (clientTo.length) {
        await queueEmail(tx, {
          companyId: link.companyId,
          to: clientTo,
          template: "quote.accepted.client",
          props,
          secretProps: { url: `${env().APP_URL}/q/${token}` },
          category: "quotes",
          idempotencyKey: `quote-accepted-client:${agreement.id}`,
          entityType: "Quote",
          entityId: quote.id,
          clientId: quote.clientId,
        });
      }
      const office = await officeRecipients(tx);
      if (office.to.length) {
        await queueEmail(tx, {
          companyId: link.companyId,
          to: office.to,
          recipientUserIds: office.userIds,
          template: "quote.accepted.office",
          props: { ...props, adminUrl: `${env().APP_URL}/admin/quotes/${quote.id}` },
          category: "quote-responses",
          idempotencyKey: `quote-accepted-office:${agreement.id}`,
          entityType: "Quote",
          entityId: quote.id,
        });
      }
      // Last, so the counter row it numbers from stays locked as briefly as possible.
      let deposit: DepositInvoice | null;
      try {
        deposit = await issueDepositInTx(tx, ctx, link.companyId, quote, totals.grossPence);
      } catch (err) {
        logger.error({ err, quoteId: quote.id }, "deposit invoice on acceptance failed: the acceptance is rolled back");
        throw unavailable(DEPOSIT_FAILED, err);
      }
      return { agreementId: agreement.id, grossPence: totals.grossPence, companyId: link.companyId, quoteId: quote.id, deposit };
    }, ACCEPT_TX);
  } catch (err) {
    // Two submits at once: the unique agreement per quote lets exactly one through.
    if (!(err instanceof AppError) && (err as { code?: string }).code === "P2002") throw conflict("This quote has already been accepted.");
    throw err;
  }
}

export async function respondToQuoteByLink(ctx: RequestContext, token: string, input: RespondQuoteInput) {
  const link = await resolve(token);
  if (!link) throw notFound(LINK_GONE);
  const db = tenantDb(link.companyId);
  await db.$transaction(async (tx) => {
    const quote = await lockedQuote(tx, link.companyId, link.quoteId);
    checkVersion(await latestVersion(tx, quote.id), input.version, quote.version);
    const status = quote.status as QuoteStatus;
    if (status !== "SENT" && status !== "VIEWED") throw conflict(status === "ACCEPTED" ? "This quote has already been accepted." : "This quote can no longer be answered here.");
    const declined = input.action === "decline";
    await tx.quote.update({ where: { id: quote.id }, data: { ...(declined ? { status: "DECLINED" } : {}), respondedAt: new Date(), responseComment: input.comment } });
    await auditLinkVisitor(tx, ctx, link.companyId, {
      entityType: "Quote",
      entityId: quote.id,
      action: declined ? "quote.declined" : "quote.changes_requested",
      before: { status },
      after: { status: declined ? "DECLINED" : status, comment: input.comment },
    });
    const office = await officeRecipients(tx);
    if (office.to.length) {
      await queueEmail(tx, {
        companyId: link.companyId,
        to: office.to,
        recipientUserIds: office.userIds,
        template: "quote.response.office",
        props: { quoteNumber: quote.number, title: quote.title, clientName: quote.client.name, declined, comment: input.comment, adminUrl: `${env().APP_URL}/admin/quotes/${quote.id}` },
        category: "quote-responses",
        idempotencyKey: `quote-response:${quote.id}:${input.action}:${Date.now()}`,
        entityType: "Quote",
        entityId: quote.id,
      });
    }
  });
}
