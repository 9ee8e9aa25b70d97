"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { computeTotals, defaultChoice } from "@/modules/pricing/pricing.ts";
import { Button, Card, formatMoney, Input, Select, Textarea, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";
import { toPriceLine } from "../quote-lines.ts";
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
  section: string;
};

export type BuilderInitial = {
  id?: string;
  clientId?: string;
  siteId?: string | null;
  title: string;
  introduction: string | null;
  terms: string | null;
  validUntil?: string;
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

function toRow(l: QuoteLineInput): Row {
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
    section: l.section ?? "",
  };
}

const blankRow = (vat: string): Row => ({
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
  section: "",
});

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

function toLine(r: Row): QuoteLineInput {
  return {
    section: r.section || null,
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

export function QuoteBuilder({
  initial,
  clients,
  defaultVat,
}: {
  initial: BuilderInitial;
  clients: { id: string; name: string }[];
  defaultVat: number;
}) {
  const router = useRouter();
  const toast = useToast();
  const [clientId, setClientId] = useState(initial.clientId ?? "");
  const [title, setTitle] = useState(initial.title);
  const [introduction, setIntroduction] = useState(initial.introduction ?? "");
  const [terms, setTerms] = useState(initial.terms ?? "");
  const [validUntil, setValidUntil] = useState(initial.validUntil ?? "");
  const [rows, setRows] = useState<Row[]>(() => (initial.lines.length ? initial.lines.map(toRow) : [blankRow(String(defaultVat))]));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const totals = useMemo(() => {
    const lines = rows.map(toLine);
    if (lines.some((l) => !Number.isFinite(l.quantityMilli) || !Number.isFinite(l.unitPricePence) || !Number.isFinite(l.markupBps) || !Number.isFinite(l.discountBps))) return null;
    try {
      const priced = lines.map((l, i) =>
        toPriceLine({ ...l, id: `l${i}`, groupName: l.groupName ?? null, optionName: l.optionName ?? null, addonName: l.addonName ?? null }),
      );
      return computeTotals(priced, defaultChoice(priced));
    } catch {
      return null; // incomplete rows: the totals appear once every row prices
    }
  }, [rows]);

  const update = (key: string, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const move = (index: number, by: -1 | 1) =>
    setRows((rs) => {
      const next = [...rs];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row!);
      return next;
    });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (saving) return;
    const body = {
      ...(initial.id ? {} : { clientId }),
      title,
      introduction: introduction || null,
      terms: terms || null,
      ...(validUntil ? { validUntil } : {}),
      lines: rows.map(toLine),
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
            <Select
              label="Client"
              value={clientId}
              onChange={(e) => setClientId(e.target.value)}
              placeholder="Choose a client"
              options={clients.map((c) => ({ value: c.id, label: c.name }))}
              error={errors.clientId}
            />
          )}
          <Input label="Title" value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} placeholder="e.g. Consumer unit upgrade" />
          <Input label="Valid until" type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} hint="30 days from today if left empty" error={errors.validUntil} />
          <Textarea label="Introduction" optional value={introduction} onChange={(e) => setIntroduction(e.target.value)} rows={3} containerClassName="sm:col-span-2" />
        </div>
      </Card>

      <Card title="Lines" description="Markup is internal: the client sees the selling price only. Options in the same group are alternatives; add-ons are ticked by the client.">
        <ol className="flex flex-col gap-4">
          {rows.map((r, i) => (
            <li key={r.key} className="rounded-md border border-neutral-200 p-3">
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
                  <Button size="sm" variant="ghost" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move line ${i + 1} up`}>
                    Up
                  </Button>
                  <Button size="sm" variant="ghost" disabled={i === rows.length - 1} onClick={() => move(i, 1)} aria-label={`Move line ${i + 1} down`}>
                    Down
                  </Button>
                  <Button size="sm" variant="ghost" disabled={rows.length === 1} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))} aria-label={`Remove line ${i + 1}`}>
                    Remove
                  </Button>
                </span>
              </div>
            </li>
          ))}
        </ol>
        <div className="mt-4">
          <Button variant="secondary" iconStart="plus" onClick={() => setRows((rs) => [...rs, blankRow(String(defaultVat))])}>
            Add line
          </Button>
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
