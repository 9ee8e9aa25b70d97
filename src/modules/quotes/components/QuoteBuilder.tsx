"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { PriceBookPicker } from "@/modules/pricebook/components/PriceBookPicker.tsx";
import { bpsToPercent, penceToPounds, vatToSelect } from "@/modules/pricebook/pricebook.form.ts";
import type { PriceBookItemView } from "@/modules/pricebook/pricebook.schema.ts";
import { computeTotals, defaultChoice } from "@/modules/pricing/pricing.ts";
import { Button, Card, formatMoney, Input, Select, Textarea, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";
import { SearchPicker } from "@/ui/SearchPicker";
import { searchClients } from "@/modules/clients/components/client-search";
import { DepositFields, type DepositValue } from "@/modules/stripe/components/DepositFields.tsx";
import { toPriceLine } from "../quote-lines.ts";
import { groupBySection } from "../quote-sections.ts";
import { createQuoteInput, updateQuoteInput, type QuoteLineInput } from "../quotes.schema.ts";

type Row = {
  key: string;
  kind: QuoteLineInput["kind"];
  description: string;
  quantity: string;
  unitPrice: string;
  markup: string;
  discount: string;
  vat: string;
  placement: QuoteLineInput["placement"];
  groupName: string;
  optionName: string;
  addonName: string;
  /** The builder's key of the row's section (BASE lines only), or null. */
  sectionKey: string | null;
};

/** A named section; the key stays the same while the office renames it. */
type Section = { key: string; name: string };

export type BuilderInitial = {
  id?: string;
  clientId?: string;
  siteId?: string | null;
  title: string;
  introduction: string | null;
  terms: string | null;
  validUntil?: string;
  depositBps?: number | null;
  depositPence?: number | null;
  lines: QuoteLineInput[];
};

const KIND_OPTIONS = [
  { value: "LABOUR", label: "Labour" },
  { value: "MATERIALS", label: "Materials" },
  { value: "FIXED", label: "Fixed price" },
];
const VAT_OPTIONS = [
  { value: "2000", label: "20%" },
  { value: "500", label: "5%" },
  { value: "0", label: "0%" },
  { value: "exempt", label: "Exempt" },
];
const PLACEMENT_OPTIONS = [
  { value: "BASE", label: "Always included" },
  { value: "OPTION", label: "Option (pick one)" },
  { value: "ADDON", label: "Optional add-on" },
];

let seq = 0;
const newKey = () => `row-${++seq}`;

function toRow(l: QuoteLineInput, sectionKey: string | null): Row {
  return {
    key: newKey(),
    kind: l.kind,
    description: l.description,
    quantity: String(l.quantityMilli / 1000),
    unitPrice: (l.unitPricePence / 100).toFixed(2),
    markup: String(l.markupBps / 100),
    discount: String(l.discountBps / 100),
    vat: l.vatRateBps === null ? "exempt" : String(l.vatRateBps),
    placement: l.placement,
    groupName: l.groupName ?? "",
    optionName: l.optionName ?? "",
    addonName: l.addonName ?? "",
    sectionKey,
  };
}

const blankRow = (vat: string, sectionKey: string | null = null): Row => ({
  key: newKey(),
  kind: "LABOUR",
  description: "",
  quantity: "1",
  unitPrice: "",
  markup: "0",
  discount: "0",
  vat,
  placement: "BASE",
  groupName: "",
  optionName: "",
  addonName: "",
  sectionKey,
});

/** A line pre-filled from a price book item (quantity 1, no discount, always included). */
const rowFromItem = (item: PriceBookItemView, sectionKey: string | null): Row => ({
  key: newKey(),
  kind: item.kind,
  description: item.description,
  quantity: "1",
  unitPrice: penceToPounds(item.unitPricePence),
  markup: bpsToPercent(item.markupBps),
  discount: "0",
  vat: vatToSelect(item.vatRateBps),
  placement: "BASE",
  groupName: "",
  optionName: "",
  addonName: "",
  sectionKey,
});

const isBlank = (r: Row) => r.description.trim() === "" && r.unitPrice.trim() === "";

/** The initial lines' sections, in order of first appearance, each with a key. */
function initialSections(lines: QuoteLineInput[]): Section[] {
  const names = [...new Set(lines.filter((l) => l.placement === "BASE" && l.section?.trim()).map((l) => l.section!.trim()))];
  return names.map((name) => ({ key: newKey(), name }));
}

/** "45.50" → 4550 pence; decimals by string so no float creeps in. */
function pence(text: string): number {
  const m = /^\s*(\d{1,9})(?:\.(\d{0,2}))?\s*$/.exec(text.replace(/[£,]/g, ""));
  if (!m) return Number.NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}
function milli(text: string): number {
  const m = /^\s*(\d{1,6})(?:\.(\d{0,3}))?\s*$/.exec(text);
  if (!m) return Number.NaN;
  return Number(m[1]) * 1000 + Number((m[2] ?? "").padEnd(3, "0"));
}
function bps(text: string): number {
  const m = /^\s*(\d{1,4})(?:\.(\d{0,2}))?\s*$/.exec(text);
  if (!m) return Number.NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

function toLine(r: Row, sectionName: (key: string) => string | null): QuoteLineInput {
  return {
    section: r.placement === "BASE" && r.sectionKey ? sectionName(r.sectionKey) : null,
    kind: r.kind,
    description: r.description,
    quantityMilli: milli(r.quantity),
    unitPricePence: pence(r.unitPrice),
    markupBps: bps(r.markup),
    discountBps: bps(r.discount),
    vatRateBps: r.vat === "exempt" ? null : (Number(r.vat) as 2000 | 500 | 0),
    placement: r.placement,
    groupName: r.placement === "OPTION" ? r.groupName : null,
    optionName: r.placement === "OPTION" ? r.optionName : null,
    addonName: r.placement === "ADDON" ? r.addonName : null,
  };
}

type QuotableSite = { id: string; label: string | null; addressLine1: string; postcode: string };

export function QuoteBuilder({
  initial,
  initialClient,
  defaultVat,
}: {
  initial: BuilderInitial;
  /** A new quote for a client chosen already (from the client's page), with its sites. */
  initialClient?: { id: string; name: string; sites: QuotableSite[] } | null;
  defaultVat: number;
}) {
  const router = useRouter();
  const toast = useToast();
  const [clientId, setClientId] = useState(initialClient?.id ?? initial.clientId ?? "");
  const [sites, setSites] = useState<QuotableSite[]>(initialClient?.sites ?? []);
  const onlySite = (list: QuotableSite[]) => (list.length === 1 ? list[0]!.id : "");
  const [siteId, setSiteId] = useState(initial.siteId ?? onlySite(initialClient?.sites ?? []));
  const [title, setTitle] = useState(initial.title);
  const [introduction, setIntroduction] = useState(initial.introduction ?? "");
  const [terms, setTerms] = useState(initial.terms ?? "");
  const [validUntil, setValidUntil] = useState(initial.validUntil ?? "");
  const [deposit, setDeposit] = useState<DepositValue>({ depositBps: initial.depositBps ?? null, depositPence: initial.depositPence ?? null });
  const [sections, setSections] = useState<Section[]>(() => initialSections(initial.lines));
  /** The section just added: its name field takes focus, with the placeholder name selected. */
  const [justAdded, setJustAdded] = useState<string | null>(null);
  const [rows, setRows] = useState<Row[]>(() => {
    if (!initial.lines.length) return [blankRow(String(defaultVat))];
    return initial.lines.map((l) => toRow(l, (l.placement === "BASE" && sections.find((x) => x.name === l.section?.trim())?.key) || null));
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const sectionName = (key: string) => sections.find((x) => x.key === key)?.name.trim() || null;
  const sectionKeyOf = (r: Row) => (r.placement === "BASE" && r.sectionKey && sections.some((x) => x.key === r.sectionKey) ? r.sectionKey : null);
  // Lines outside any section first, then each section: the order shown is the order saved.
  const layout = groupBySection(rows, sectionKeyOf, () => 0, sections.map((x) => x.key));
  const ordered = layout.flatMap((g) => g.items);
  const position = new Map(ordered.map((r, i) => [r.key, i]));

  const totals = useMemo(() => {
    const lines = ordered.map((r) => toLine(r, sectionName));
    if (lines.some((l) => !Number.isFinite(l.quantityMilli) || !Number.isFinite(l.unitPricePence) || !Number.isFinite(l.markupBps) || !Number.isFinite(l.discountBps))) return null;
    try {
      const priced = lines.map((l, i) =>
        toPriceLine({ ...l, id: `l${i}`, groupName: l.groupName ?? null, optionName: l.optionName ?? null, addonName: l.addonName ?? null }),
      );
      return computeTotals(priced, defaultChoice(priced));
    } catch {
      return null; // incomplete rows: the totals appear once every row prices
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- ordered and the section names derive from rows and sections
  }, [rows, sections]);
  const lineNet = (r: Row) => totals?.lines[position.get(r.key)!]?.netPence ?? 0;
  const groups = groupBySection(rows, sectionKeyOf, lineNet, sections.map((x) => x.key));

  const update = (key: string, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  /** Swaps a line with its neighbour in the same group. */
  const move = (a: Row, b: Row | undefined) =>
    b &&
    setRows((rs) => {
      const next = [...rs];
      const i = next.findIndex((r) => r.key === a.key);
      const j = next.findIndex((r) => r.key === b.key);
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });
  const addRow = (row: Row) =>
    setRows((rs) => {
      // A blank line in the same group is filled instead of leaving it empty above the new one.
      const blank = rs.findIndex((r) => isBlank(r) && sectionKeyOf(r) === row.sectionKey && r.placement === "BASE");
      if (blank >= 0 && row.description) return rs.map((r, i) => (i === blank ? { ...row, key: r.key } : r));
      return [...rs, row];
    });
  const addSection = () => {
    const key = newKey();
    setSections((xs) => [...xs, { key, name: `Section ${xs.length + 1}` }]);
    setRows((rs) => [...rs, blankRow(String(defaultVat), key)]);
    setJustAdded(key);
  };
  const removeSection = (key: string) => {
    setSections((xs) => xs.filter((x) => x.key !== key));
    setRows((rs) => rs.map((r) => (r.sectionKey === key ? { ...r, sectionKey: null } : r)));
  };

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (saving) return;
    const sectionErrors: Record<string, string> = {};
    sections.forEach((x, i) => {
      const name = x.name.trim();
      if (!name) sectionErrors[`section.${x.key}`] = "Name the section";
      else if (sections.findIndex((y) => y.name.trim().toLowerCase() === name.toLowerCase()) !== i) sectionErrors[`section.${x.key}`] = "Another section has this name";
    });
    if (Object.keys(sectionErrors).length) {
      setErrors(sectionErrors);
      setFormError("Some fields need attention.");
      return;
    }
    const body = {
      ...(initial.id ? {} : { clientId, siteId: siteId || null }),
      title,
      introduction: introduction || null,
      terms: terms || null,
      ...(validUntil ? { validUntil } : {}),
      ...deposit,
      lines: ordered.map((r) => toLine(r, sectionName)),
    };
    const parsed = (initial.id ? updateQuoteInput : createQuoteInput).safeParse(body);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[issue.path.join(".")] ??= issue.message;
      setErrors(next);
      setFormError("Some fields need attention.");
      return;
    }
    setErrors({});
    setFormError(null);
    setSaving(true);
    const res = await callApi<{ id: string }>(initial.id ? "PATCH" : "POST", initial.id ? `/api/admin/quotes/${initial.id}` : "/api/admin/quotes", parsed.data);
    setSaving(false);
    if (!res.ok) {
      setErrors(res.fields);
      setFormError(res.message);
      return;
    }
    toast.success("Quote saved");
    router.push(`/admin/quotes/${res.data.id ?? initial.id}`);
    router.refresh();
  }

  const err = (i: number, f: string) => errors[`lines.${i}.${f}`];

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      {formError ? (
        <p role="alert" className="rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-sm text-danger-800">
          {formError}
        </p>
      ) : null}
      <Card title="Quote">
        <div className="grid gap-4 sm:grid-cols-2">
          {initial.id ? null : (
            <SearchPicker
              name="clientId"
              label="Client"
              placeholder="Search by name, email or postcode"
              initial={initialClient ? { value: initialClient.id, label: initialClient.name } : null}
              search={searchClients}
              onChange={(option) => {
                setClientId(option?.value ?? "");
                setSites([]);
                setSiteId("");
                if (!option) return;
                void callApi<{ items: (QuotableSite & { archivedAt: string | null })[] }>("GET", `/api/admin/clients/${option.value}/sites`).then((res) => {
                  const live = res.ok ? res.data.items.filter((x) => !x.archivedAt) : [];
                  setSites(live);
                  setSiteId(onlySite(live));
                });
              }}
              emptyText="No client matches. Add the client first."
              error={errors.clientId}
            />
          )}
          {initial.id || !clientId ? null : (
            <Select
              label="Site"
              value={siteId}
              onChange={(e) => setSiteId(e.target.value)}
              placeholder={sites.length ? "No particular site" : "This client has no sites yet"}
              options={sites.map((x) => ({ value: x.id, label: [x.label, x.addressLine1, x.postcode].filter(Boolean).join(", ") }))}
              error={errors.siteId}
            />
          )}
          <Input label="Title" value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} placeholder="e.g. Consumer unit upgrade" />
          <Input label="Valid until" type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} hint="30 days from today if left empty" error={errors.validUntil} />
          <div className="sm:col-span-2">
            <DepositFields value={deposit} onChange={setDeposit} error={errors.depositBps ?? errors.depositPence} />
          </div>
          <Textarea label="Introduction" optional value={introduction} onChange={(e) => setIntroduction(e.target.value)} rows={3} containerClassName="sm:col-span-2" />
        </div>
      </Card>

      <Card title="Lines" description="Markup is internal: the client sees the selling price only. Options in the same group are alternatives; add-ons are ticked by the client.">
        <div className="flex flex-col gap-6">
          {(groups.some((g) => g.name === null) ? groups : [{ name: null, items: [], netPence: 0 }, ...groups]).map((g) => {
            const section = g.name === null ? null : sections.find((x) => x.key === g.name)!;
            const label = section ? `“${section.name.trim() || "this section"}”` : null;
            return (
              <section key={g.name ?? "loose"} aria-label={section ? `Section ${section.name}` : sections.length ? "Lines outside sections" : undefined} className={section ? "rounded-lg border border-neutral-300 bg-neutral-50 p-3" : undefined}>
                {section ? (
                  <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
                    <Input
                      autoFocus={section.key === justAdded}
                      onFocus={(e) => section.key === justAdded && e.currentTarget.select()}
                      label="Section name"
                      value={section.name}
                      onChange={(e) => setSections((xs) => xs.map((x) => (x.key === section.key ? { ...x, name: e.target.value } : x)))}
                      error={errors[`section.${section.key}`]}
                      maxLength={80}
                      containerClassName="min-w-0 flex-1 sm:max-w-sm"
                    />
                    <div className="flex items-center gap-3 pb-1 text-sm">
                      <span className="tabular-nums text-neutral-800" data-testid="section-subtotal">
                        Subtotal {totals ? formatMoney(g.netPence) : "—"}
                      </span>
                      <Button size="sm" variant="ghost" onClick={() => removeSection(section.key)} aria-label={`Remove section ${section.name}`}>
                        Remove section
                      </Button>
                    </div>
                  </div>
                ) : null}
                {g.items.length ? (
                  <ol className="flex flex-col gap-4">
                    {g.items.map((r, k) => {
                      const i = position.get(r.key)!;
                      return (
                        <li key={r.key} className="rounded-md border border-neutral-200 bg-white p-3">
                          <fieldset className="grid gap-3 sm:grid-cols-12">
                            <legend className="sr-only">Line {i + 1}</legend>
                            <Textarea label={`Line ${i + 1} description`} value={r.description} onChange={(e) => update(r.key, { description: e.target.value })} rows={2} error={err(i, "description")} containerClassName="sm:col-span-6" />
                            <Select label="Type" value={r.kind} onChange={(e) => update(r.key, { kind: e.target.value as Row["kind"] })} options={KIND_OPTIONS} containerClassName="sm:col-span-3" />
                            <Select label="Shown as" value={r.placement} onChange={(e) => update(r.key, { placement: e.target.value as Row["placement"] })} options={PLACEMENT_OPTIONS} containerClassName="sm:col-span-3" />
                            <Input label="Quantity" inputMode="decimal" value={r.quantity} onChange={(e) => update(r.key, { quantity: e.target.value })} error={err(i, "quantityMilli")} containerClassName="sm:col-span-2" />
                            <Input label="Unit price" leading="£" inputMode="decimal" value={r.unitPrice} onChange={(e) => update(r.key, { unitPrice: e.target.value })} error={err(i, "unitPricePence")} containerClassName="sm:col-span-3" />
                            <Input label="Markup" trailing="%" inputMode="decimal" value={r.markup} onChange={(e) => update(r.key, { markup: e.target.value })} error={err(i, "markupBps")} containerClassName="sm:col-span-2" />
                            <Input label="Discount" trailing="%" inputMode="decimal" value={r.discount} onChange={(e) => update(r.key, { discount: e.target.value })} error={err(i, "discountBps")} containerClassName="sm:col-span-2" />
                            <Select label="VAT" value={r.vat} onChange={(e) => update(r.key, { vat: e.target.value })} options={VAT_OPTIONS} containerClassName="sm:col-span-3" />
                            {r.placement === "BASE" && sections.length ? (
                              <Select
                                label="Section"
                                value={sectionKeyOf(r) ?? ""}
                                onChange={(e) => update(r.key, { sectionKey: e.target.value || null })}
                                options={[{ value: "", label: "No section" }, ...sections.map((x) => ({ value: x.key, label: x.name.trim() || "(unnamed section)" }))]}
                                containerClassName="sm:col-span-6"
                              />
                            ) : null}
                            {r.placement === "OPTION" ? (
                              <>
                                <Input label="Option group" value={r.groupName} onChange={(e) => update(r.key, { groupName: e.target.value })} placeholder="e.g. Fittings" containerClassName="sm:col-span-6" />
                                <Input label="Option name" value={r.optionName} onChange={(e) => update(r.key, { optionName: e.target.value })} placeholder="e.g. Better" error={err(i, "optionName")} containerClassName="sm:col-span-6" />
                              </>
                            ) : null}
                            {r.placement === "ADDON" ? (
                              <Input label="Add-on name" value={r.addonName} onChange={(e) => update(r.key, { addonName: e.target.value })} placeholder="e.g. Surge protection" error={err(i, "addonName")} containerClassName="sm:col-span-12" />
                            ) : null}
                          </fieldset>
                          <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-sm">
                            <span className="tabular-nums text-neutral-700">
                              {totals ? `Line total ${formatMoney(totals.lines[i]?.netPence ?? 0)}${totals.lines[i]?.included ? "" : " (not in the default total)"}` : "—"}
                            </span>
                            <span className="flex gap-1">
                              <Button size="sm" variant="ghost" disabled={k === 0} onClick={() => move(r, g.items[k - 1])} aria-label={`Move line ${i + 1} up`}>
                                Up
                              </Button>
                              <Button size="sm" variant="ghost" disabled={k === g.items.length - 1} onClick={() => move(r, g.items[k + 1])} aria-label={`Move line ${i + 1} down`}>
                                Down
                              </Button>
                              <Button size="sm" variant="ghost" disabled={rows.length === 1} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))} aria-label={`Remove line ${i + 1}`}>
                                Remove
                              </Button>
                            </span>
                          </div>
                        </li>
                      );
                    })}
                  </ol>
                ) : section ? (
                  <p className="text-sm text-neutral-600">No lines in this section yet.</p>
                ) : null}
                <div className={`flex flex-wrap gap-2 ${g.items.length || section ? "mt-3" : ""}`}>
                  <Button variant="secondary" iconStart="plus" onClick={() => addRow(blankRow(String(defaultVat), section?.key ?? null))}>
                    {section ? `Add line to ${label}` : "Add line"}
                  </Button>
                  <PriceBookPicker label={section ? `Add from price book to ${label}` : undefined} onPick={(item) => addRow(rowFromItem(item, section?.key ?? null))} />
                </div>
              </section>
            );
          })}
          <div className="border-t border-neutral-200 pt-4">
            <Button variant="ghost" iconStart="plus" onClick={addSection}>
              Add section
            </Button>
            <p className="mt-1 text-xs text-neutral-600">Sections group the always-included lines under a heading with a subtotal, on the quote, the client&apos;s page and the PDF.</p>
          </div>
        </div>
        <dl className="mt-6 ml-auto grid max-w-xs grid-cols-[1fr_auto] gap-y-1 text-sm tabular-nums" aria-live="polite">
          <dt className="text-neutral-600">Net</dt>
          <dd className="text-right">{totals ? formatMoney(totals.netPence) : "—"}</dd>
          <dt className="text-neutral-600">VAT</dt>
          <dd className="text-right">{totals ? formatMoney(totals.vatPence) : "—"}</dd>
          <dt className="font-semibold">Total (default choice)</dt>
          <dd className="text-right font-semibold" data-testid="builder-total">
            {totals ? formatMoney(totals.grossPence) : "—"}
          </dd>
        </dl>
      </Card>

      <Card title="Terms">
        <Textarea label="Terms shown to the client" optional value={terms} onChange={(e) => setTerms(e.target.value)} rows={4} />
      </Card>

      <div className="flex justify-end">
        <Button type="submit" loading={saving} loadingText="Saving…">
          Save draft
        </Button>
      </div>
    </form>
  );
}
