/**
 * Quotes: build (draft), send (an immutable, fingerprinted version + a client link + an email
 * through the outbox), revise (the next version as a draft). Totals always come from the one
 * pricing function. Status changes follow quote-status.ts and lock the quote row.
 */
import type { Quote, QuoteLine } from "@/generated/prisma/client.ts";
import { formatDocumentNumber } from "@/modules/numbering/numbering.ts";
import { nextCounterValue } from "@/modules/numbering/counter.repo.ts";
import { computeTotals, defaultChoice, validateChoice, vatLabel, type Totals } from "@/modules/pricing/pricing.ts";
import { audit } from "@/server/audit/audit.ts";
import { randomToken, sha256 } from "@/server/auth/tokens.ts";
import { env } from "@/server/config/env.ts";
import { assertCan, type TenantContext } from "@/server/context.ts";
import type { TenantTx } from "@/server/db/tenancy.ts";
import { emailJob } from "@/server/email/queue-email.ts";
import { writeOutbox } from "@/server/queue/outbox.ts";
import { notFound, validationFailed } from "@/server/errors/errors.ts";
import { pageOf } from "@/server/http/pagination.ts";
import { formatDate, formatMoney } from "@/ui/format.ts";
import { assertTransition, canRevise, type QuoteStatus } from "./quote-status.ts";
import { toPriceLine } from "./quote-lines.ts";
import { snapshotHash } from "./quote-snapshot.ts";
import { snapshotPriceLines } from "./quote-view.ts";
import { findClientSite, findQuote, findQuoteByEnquiry, findQuotes, lockQuote, replaceLines } from "./quotes.repo.ts";
import type { CreateQuoteInput, ListQuotesQuery, QuoteDetail, QuoteSummary, UpdateQuoteInput } from "./quotes.schema.ts";

const DEFAULT_VALIDITY_DAYS = 30;

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function totalsOf(lines: QuoteLine[]): Totals {
  const priced = lines.map(toPriceLine);
  return computeTotals(priced, defaultChoice(priced));
}

function summary(q: Quote & { client: { name: string } }): QuoteSummary {
  return {
    id: q.id,
    number: q.number,
    title: q.title,
    status: q.status,
    version: q.version,
    clientId: q.clientId,
    clientName: q.client.name,
    grossPence: q.grossPence,
    validUntil: isoDay(q.validUntil),
    sentAt: q.sentAt?.toISOString() ?? null,
    createdAt: q.createdAt.toISOString(),
  };
}

async function load(ctx: TenantContext, id: string) {
  const q = await findQuote(ctx.db, id);
  if (!q) throw notFound();
  return q;
}

function detail(q: NonNullable<Awaited<ReturnType<typeof findQuote>>>, pdfs: Map<string, string> = new Map()): QuoteDetail {
  const totals = totalsOf(q.lines);
  return {
    ...summary(q),
    siteId: q.siteId,
    enquiryId: q.enquiryId,
    introduction: q.introduction,
    terms: q.terms,
    depositBps: q.depositBps,
    depositPence: q.depositPence,
    lines: q.lines.map((l) => ({
      id: l.id,
      position: l.position,
      section: l.section,
      kind: l.kind,
      description: l.description,
      quantityMilli: l.quantityMilli,
      unitPricePence: l.unitPricePence,
      markupBps: l.markupBps,
      discountBps: l.discountBps,
      vatRateBps: l.vatRateBps as 2000 | 500 | 0 | null,
      placement: l.placement,
      groupName: l.groupName,
      optionName: l.optionName,
      addonName: l.addonName,
    })),
    totals: { netPence: totals.netPence, vatPence: totals.vatPence, grossPence: totals.grossPence, exemptNetPence: totals.exemptNetPence, vat: totals.vat },
    versions: q.versions.map((v) => ({
      version: v.version,
      grossPence: v.grossPence,
      sentAt: v.sentAt.toISOString(),
      snapshotHash: v.snapshotHash,
      pdfUrl: pdfs.has(v.id) ? `/api/admin/files/${pdfs.get(v.id)}/download` : null,
    })),
    viewedAt: q.viewedAt?.toISOString() ?? null,
    respondedAt: q.respondedAt?.toISOString() ?? null,
    responseComment: q.responseComment,
  };
}

export async function listQuotes(ctx: TenantContext, q: ListQuotesQuery) {
  assertCan(ctx, "quotes.manage");
  const page = pageOf(await findQuotes(ctx.db, q), q.limit);
  return { items: page.items.map(summary), nextCursor: page.nextCursor };
}

export async function getQuote(ctx: TenantContext, id: string): Promise<QuoteDetail> {
  assertCan(ctx, "quotes.manage");
  const q = await load(ctx, id);
  const files = q.versions.length
    ? await ctx.db.storedFile.findMany({ where: { entityType: "QuoteVersion", entityId: { in: q.versions.map((v) => v.id) } }, select: { id: true, entityId: true } })
    : [];
  return detail(q, new Map(files.map((f) => [f.entityId!, f.id])));
}

export async function createQuote(ctx: TenantContext, input: CreateQuoteInput, today = new Date()): Promise<QuoteDetail> {
  assertCan(ctx, "quotes.manage");
  const id = await ctx.db.$transaction(async (tx) => (await createQuoteInTx(tx, ctx, input, today)).id);
  return getQuote(ctx, id);
}

/** A deposit is a percentage or a fixed amount, never both (it is invoiced when the client accepts). */
function assertOneDeposit(bps: number | null, pence: number | null) {
  if (bps !== null && pence !== null) throw validationFailed("Give the deposit as a percentage or an amount, not both.", { depositPence: "Give a percentage or an amount, not both" });
}

/**
 * Creates a draft quote (numbered, lines priced, audited) inside the caller's transaction: used by
 * the builder and by converting an enquiry (client, site and quote in one transaction). The caller
 * checks quotes.manage.
 */
export async function createQuoteInTx(tx: TenantTx, ctx: TenantContext, input: CreateQuoteInput, today = new Date(), metadata?: Record<string, unknown>): Promise<{ id: string; number: string }> {
  const { client, site } = await findClientSite(tx, input.clientId, input.siteId);
  if (!client || client.archivedAt) throw validationFailed("Choose a client.", { clientId: "Choose a client" });
  if (input.siteId && !site) throw validationFailed("That site belongs to another client.", { siteId: "Choose one of this client's sites" });
  const company = await tx.company.findFirstOrThrow({ where: { id: ctx.companyId }, select: { quotePrefix: true } });
  const number = formatDocumentNumber(company.quotePrefix, await nextCounterValue(tx, ctx.companyId, "quote"));
  const validUntil = input.validUntil ?? isoDay(new Date(today.getTime() + DEFAULT_VALIDITY_DAYS * 86_400_000));
  assertOneDeposit(input.depositBps ?? null, input.depositPence ?? null);
  const quote = await tx.quote.create({
    data: {
      companyId: ctx.companyId,
      number,
      clientId: input.clientId,
      siteId: input.siteId ?? null,
      enquiryId: input.enquiryId ?? null,
      title: input.title,
      introduction: input.introduction ?? null,
      terms: input.terms ?? null,
      validUntil: new Date(`${validUntil}T00:00:00Z`),
      depositBps: input.depositBps ?? null,
      depositPence: input.depositPence ?? null,
      createdById: ctx.user.id,
    },
  });
  await replaceLines(tx, ctx.companyId, quote.id, input.lines);
  const lines = await tx.quoteLine.findMany({ where: { quoteId: quote.id } });
  await tx.quote.update({ where: { id: quote.id }, data: { grossPence: totalsOf(lines).grossPence } });
  await audit(tx, ctx, { entityType: "Quote", entityId: quote.id, action: "quote.created", after: { number, title: input.title, clientId: input.clientId, lines: input.lines.length }, metadata });
  return { id: quote.id, number };
}

/** The quote made from an enquiry (for the enquiry page's link), or null. */
export async function quoteForEnquiry(ctx: TenantContext, enquiryId: string) {
  assertCan(ctx, "quotes.manage");
  return findQuoteByEnquiry(ctx.db, enquiryId);
}

/** Edits the draft: fields and/or the whole set of lines. Only a DRAFT can change. */
export async function updateQuote(ctx: TenantContext, id: string, input: UpdateQuoteInput): Promise<QuoteDetail> {
  assertCan(ctx, "quotes.manage");
  await ctx.db.$transaction(async (tx) => {
    await lockQuote(tx, ctx.companyId, id);
    const q = await findQuote(tx, id);
    if (!q) throw notFound();
    if (q.status !== "DRAFT") throw validationFailed("Only a draft can be edited: revise the quote to change it.");
    if (input.siteId) {
      const { site } = await findClientSite(tx, q.clientId, input.siteId);
      if (!site) throw validationFailed("That site belongs to another client.", { siteId: "Choose one of this client's sites" });
    }
    const fields = {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.introduction !== undefined ? { introduction: input.introduction } : {}),
      ...(input.terms !== undefined ? { terms: input.terms } : {}),
      ...(input.siteId !== undefined ? { siteId: input.siteId } : {}),
      ...(input.validUntil !== undefined ? { validUntil: new Date(`${input.validUntil}T00:00:00Z`) } : {}),
      ...(input.depositBps !== undefined ? { depositBps: input.depositBps } : {}),
      ...(input.depositPence !== undefined ? { depositPence: input.depositPence } : {}),
    };
    assertOneDeposit(fields.depositBps !== undefined ? fields.depositBps : q.depositBps, fields.depositPence !== undefined ? fields.depositPence : q.depositPence);
    if (input.lines) await replaceLines(tx, ctx.companyId, id, input.lines);
    const lines = input.lines ? await tx.quoteLine.findMany({ where: { quoteId: id } }) : q.lines;
    await tx.quote.update({ where: { id }, data: { ...fields, grossPence: totalsOf(lines).grossPence } });
    await audit(tx, ctx, {
      entityType: "Quote",
      entityId: id,
      action: "quote.updated",
      before: { ...Object.fromEntries(Object.keys(fields).map((k) => [k, (q as Record<string, unknown>)[k]])), ...(input.lines ? { lines: q.lines.length, grossPence: q.grossPence } : {}) },
      after: { ...fields, ...(input.lines ? { lines: input.lines.length, grossPence: totalsOf(lines).grossPence } : {}) },
    });
  });
  return getQuote(ctx, id);
}

/** What the client sees of one version: no internal markup or cost, totals at the default choice. */
function snapshotOf(q: NonNullable<Awaited<ReturnType<typeof findQuote>>>, company: { name: string }) {
  const priced = q.lines.map(toPriceLine);
  const totals = computeTotals(priced, defaultChoice(priced));
  const byId = new Map(totals.lines.map((t) => [t.id, t]));
  return {
    number: q.number,
    version: q.version,
    title: q.title,
    introduction: q.introduction,
    terms: q.terms,
    validUntil: isoDay(q.validUntil),
    company: company.name,
    client: q.client.name,
    lines: q.lines.map((l) => ({
      id: l.id,
      section: l.section,
      kind: l.kind,
      description: l.description,
      quantityMilli: l.quantityMilli,
      sellUnitPence: byId.get(l.id)!.sellUnitPence,
      discountBps: l.discountBps,
      vatRateBps: l.vatRateBps,
      placement: l.placement,
      groupName: l.groupName,
      optionName: l.optionName,
      addonName: l.addonName,
    })),
    defaultTotals: { netPence: totals.netPence, vatPence: totals.vatPence, grossPence: totals.grossPence },
  };
}

/** The quote PDF's props: the snapshot's lines with their prices at the default choice (pure). */
function quotePdfProps(snapshot: ReturnType<typeof snapshotOf>, issued: Date) {
  const priced = snapshotPriceLines(snapshot.lines);
  const totals = computeTotals(priced, defaultChoice(priced));
  const byId = new Map(totals.lines.map((t) => [t.id, t]));
  return {
    number: snapshot.number,
    version: snapshot.version,
    title: snapshot.title,
    client: snapshot.client,
    issued: formatDate(issued, "Europe/London"),
    validUntil: formatDate(snapshot.validUntil, "UTC"),
    introduction: snapshot.introduction,
    terms: snapshot.terms,
    lines: snapshot.lines.map((l) => ({
      section: l.section,
      description: l.description,
      quantity: (l.quantityMilli / 1000).toLocaleString("en-GB", { maximumFractionDigits: 3 }),
      unit: formatMoney(l.sellUnitPence),
      net: byId.get(l.id)!.netPence,
      vat: vatLabel(l.vatRateBps),
      placement: l.placement,
      groupName: l.groupName,
      optionName: l.optionName,
      addonName: l.addonName,
      included: byId.get(l.id)!.included,
    })),
    totals: { netPence: totals.netPence, vatPence: totals.vatPence, grossPence: totals.grossPence },
  };
}

/**
 * Sends the draft: freezes it as version N (snapshot + SHA-256), issues a fresh client link (older
 * links stop working), and queues the email to the client's quote contacts, all in one transaction.
 */
export async function sendQuote(ctx: TenantContext, id: string): Promise<QuoteDetail> {
  assertCan(ctx, "quotes.manage");
  await ctx.db.$transaction(async (tx) => {
    await lockQuote(tx, ctx.companyId, id);
    const q = await findQuote(tx, id);
    if (!q) throw notFound();
    assertTransition(q.status as QuoteStatus, "SENT");
    if (q.lines.length === 0) throw validationFailed("Add at least one line before sending.");
    const priced = q.lines.map(toPriceLine);
    const problems = validateChoice(priced, defaultChoice(priced));
    if (problems.length) throw validationFailed(problems[0]!.message);
    const client = await tx.client.findFirstOrThrow({ where: { id: q.clientId }, include: { contacts: true } });
    const recipients = client.contacts.filter((c) => c.receivesQuotes && c.email).map((c) => ({ email: c.email!, name: c.name }));
    if (recipients.length === 0 && client.email) recipients.push({ email: client.email, name: client.name });
    if (recipients.length === 0) throw validationFailed("Add an email address for the client or one of its contacts before sending.");

    const company = await tx.company.findFirstOrThrow({ where: { id: ctx.companyId }, select: { name: true } });
    const snapshot = snapshotOf(q, company);
    const hash = snapshotHash(snapshot);
    const version = await tx.quoteVersion.create({
      data: { companyId: ctx.companyId, quoteId: id, version: q.version, snapshot, snapshotHash: hash, grossPence: snapshot.defaultTotals.grossPence, sentById: ctx.user.id },
    });
    const now = new Date();
    await tx.quoteLink.updateMany({ where: { quoteId: id, revokedAt: null }, data: { revokedAt: now } });
    const token = randomToken();
    await tx.quoteLink.create({
      data: { companyId: ctx.companyId, quoteId: id, tokenHash: sha256(token), expiresAt: new Date(q.validUntil.getTime() + 86_400_000) },
    });
    await tx.quote.update({ where: { id }, data: { status: "SENT", sentAt: now, grossPence: snapshot.defaultTotals.grossPence } });
    // The PDF is rendered first; the worker then queues the email with it attached (one chain, each step once).
    const email = emailJob({
      companyId: ctx.companyId,
      to: recipients.map((r) => r.email),
      template: "quote.sent",
      props: {
        contactName: recipients[0]!.name.split(" ")[0] ?? recipients[0]!.name,
        quoteNumber: q.number,
        title: q.title,
        total: formatMoney(snapshot.defaultTotals.grossPence),
        validUntil: formatDate(q.validUntil, "UTC"),
        version: q.version,
      },
      secretProps: { url: `${env().APP_URL}/q/${token}` },
      category: "quotes",
      idempotencyKey: `quote-sent:${id}:v${q.version}`,
      entityType: "Quote",
      entityId: id,
      clientId: q.clientId,
    });
    await writeOutbox(tx, {
      job: "pdf.render",
      companyId: ctx.companyId,
      idempotencyKey: `pdf:quote:${id}:v${q.version}`,
      payload: {
        companyId: ctx.companyId,
        document: "quote",
        entityType: "QuoteVersion",
        entityId: version.id,
        requestedById: ctx.user.id,
        props: quotePdfProps(snapshot, now),
        thenEmail: email,
      },
    });
    await audit(tx, ctx, {
      entityType: "Quote",
      entityId: id,
      action: "quote.sent",
      before: { status: q.status },
      after: { status: "SENT", version: q.version, snapshotHash: hash, grossPence: snapshot.defaultTotals.grossPence, to: recipients.map((r) => r.email) },
    });
  });
  return getQuote(ctx, id);
}

/** Starts the next version as a draft (the sent version stays frozen; the client keeps seeing it until the next send). */
export async function reviseQuote(ctx: TenantContext, id: string): Promise<QuoteDetail> {
  assertCan(ctx, "quotes.manage");
  await ctx.db.$transaction(async (tx) => {
    await lockQuote(tx, ctx.companyId, id);
    const q = await tx.quote.findUnique({ where: { id } });
    if (!q) throw notFound();
    if (!canRevise(q.status as QuoteStatus)) throw validationFailed(q.status === "DRAFT" ? "This quote is already a draft." : "An accepted quote can't be revised.");
    await tx.quote.update({ where: { id }, data: { status: "DRAFT", version: q.version + 1, respondedAt: null, responseComment: null } });
    await audit(tx, ctx, { entityType: "Quote", entityId: id, action: "quote.revised", before: { status: q.status, version: q.version }, after: { status: "DRAFT", version: q.version + 1 } });
  });
  return getQuote(ctx, id);
}

/** The signed agreement of an accepted quote, with its certificate file once the worker made it. */
export async function getQuoteAgreement(ctx: TenantContext, quoteId: string) {
  assertCan(ctx, "quotes.manage");
  const agreement = await ctx.db.agreement.findFirst({ where: { quoteId } });
  if (!agreement) return null;
  const certificate = await ctx.db.storedFile.findFirst({ where: { entityType: "Agreement", entityId: agreement.id, kind: "pdf:agreement-certificate" }, orderBy: { id: "desc" } });
  return {
    id: agreement.id,
    signerName: agreement.signerName,
    acceptedAt: agreement.acceptedAt.toISOString(),
    grossPence: agreement.grossPence,
    snapshotHash: agreement.snapshotHash,
    ip: agreement.ip,
    choice: agreement.choice as { options: Record<string, string>; addons: string[] },
    certificateUrl: certificate ? `/api/admin/files/${certificate.id}/download` : null,
  };
}

/** Active clients to quote for (the builder's picker). */
/** A live client to start a quote for (from the client's page), with its live sites; null when it isn't one. */
export async function quotableClient(ctx: TenantContext, id: string) {
  assertCan(ctx, "quotes.manage");
  return ctx.db.client.findFirst({
    where: { id, archivedAt: null },
    select: { id: true, name: true, sites: { where: { archivedAt: null }, orderBy: { id: "asc" }, select: { id: true, label: true, addressLine1: true, postcode: true } } },
  });
}
