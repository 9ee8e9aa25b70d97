"use client";

import { useCallback, useMemo, useState, type FormEvent } from "react";
import { computeTotals, defaultChoice, type Choice } from "@/modules/pricing/pricing.ts";
import { Button, formatMoney, Input, Textarea } from "@/ui";
import { callApi } from "@/ui/client-api";
import { groupBySection, sectionOf } from "../quote-sections.ts";
import { snapshotPriceLines, type QuoteSnapshot, type SnapshotLine } from "../quote-view.ts";
import { SignaturePadField } from "@/ui/SignaturePadField.tsx";

type Props = { token: string; snapshot: QuoteSnapshot; canRespond: boolean };

function qty(milli: number) {
  return (milli / 1000).toLocaleString("en-GB", { maximumFractionDigits: 3 });
}

function LineRow({ line, net }: { line: SnapshotLine; net: number }) {
  return (
    <div className="flex items-start justify-between gap-3 py-2 text-sm">
      <div className="min-w-0">
        <p className="break-words text-neutral-900">{line.description}</p>
        <p className="text-neutral-600">
          {qty(line.quantityMilli)} × {formatMoney(line.sellUnitPence)}
          {line.discountBps ? ` − ${line.discountBps / 100}%` : ""}
          {line.vatRateBps === null ? " · VAT exempt" : ` · VAT ${line.vatRateBps / 100}%`}
        </p>
      </div>
      <p className="shrink-0 tabular-nums">{formatMoney(net)}</p>
    </div>
  );
}

export function ClientQuote({ token, snapshot, canRespond }: Props) {
  const priced = useMemo(() => snapshotPriceLines(snapshot.lines), [snapshot.lines]);
  const [choice, setChoice] = useState<Choice>(() => defaultChoice(priced));
  const totals = useMemo(() => computeTotals(priced, choice), [priced, choice]);
  const net = new Map(totals.lines.map((l) => [l.id, l.netPence]));
  const base = snapshot.lines.filter((l) => l.placement === "BASE");
  const baseGroups = groupBySection(base, sectionOf, (l) => net.get(l.id) ?? 0);
  const groups = [...new Set(snapshot.lines.filter((l) => l.placement === "OPTION").map((l) => l.groupName!))];
  const addons = [...new Set(snapshot.lines.filter((l) => l.placement === "ADDON").map((l) => l.addonName!))];

  const [signerName, setSignerName] = useState("");
  const [signature, setSignature] = useState<string | null>(null);
  const [terms, setTerms] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"accept" | "respond" | null>(null);
  const [mode, setMode] = useState<"accept" | "respond">("accept");
  const [comment, setComment] = useState("");
  const onSignature = useCallback((d: string | null) => setSignature(d), []);

  async function post(path: string, body: unknown) {
    const res = await callApi<{ payUrl?: string | null }>("POST", `/api/public/quotes/${token}/${path}`, body);
    if (res.ok) {
      // A deposit is due: straight to payment.
      if (res.data?.payUrl) window.location.assign(res.data.payUrl);
      else window.location.reload();
      return;
    }
    setErrors(res.fields);
    setFormError(res.message);
  }

  async function accept(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (signerName.trim().length < 2) next.signerName = "Type your full name";
    if (!signature) next.signature = "Sign in the box";
    if (!terms) next.acceptTerms = "Tick to confirm you accept the quote and its terms";
    setErrors(next);
    setFormError(null);
    if (Object.keys(next).length) return;
    setBusy("accept");
    await post("accept", { version: snapshot.version, choice, signerName, signature, acceptTerms: true });
    setBusy(null);
  }

  async function respond(action: "decline" | "changes") {
    if (comment.trim().length < 3) {
      setErrors({ comment: "Tell us a little more" });
      return;
    }
    setBusy("respond");
    await post("respond", { version: snapshot.version, action, comment });
    setBusy(null);
  }

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="work-heading" className="rounded-lg border border-neutral-200 bg-white p-4 sm:p-6">
        <h2 id="work-heading" className="text-lg font-semibold">
          The work
        </h2>
        {baseGroups.map((g, gi) =>
          g.name === null ? (
            <div key="loose" className="divide-y divide-neutral-100">
              {g.items.map((l) => (
                <LineRow key={l.id} line={l} net={net.get(l.id) ?? 0} />
              ))}
            </div>
          ) : (
            <section key={g.name} aria-labelledby={`section-${gi}`} className="mt-4 first:mt-2">
              <h3 id={`section-${gi}`} className="border-b border-neutral-200 pb-1 text-base font-semibold text-neutral-900">
                {g.name}
              </h3>
              <div className="divide-y divide-neutral-100">
                {g.items.map((l) => (
                  <LineRow key={l.id} line={l} net={net.get(l.id) ?? 0} />
                ))}
              </div>
              <p className="flex justify-between border-t border-neutral-200 pt-2 text-sm font-medium tabular-nums">
                <span>{g.name} subtotal</span>
                <span data-testid="section-subtotal">{formatMoney(g.netPence)}</span>
              </p>
            </section>
          ),
        )}
        {groups.map((g) => (
          <fieldset key={g} className="mt-4 rounded-md border border-neutral-200 p-3">
            <legend className="px-1 text-sm font-semibold">{g}: choose one</legend>
            {[...new Set(snapshot.lines.filter((l) => l.groupName === g).map((l) => l.optionName!))].map((option) => {
              const optionLines = snapshot.lines.filter((l) => l.groupName === g && l.optionName === option);
              const optionNet = optionLines.reduce((sum, l) => sum + (net.get(l.id) ?? 0), 0);
              return (
                <label key={option} className="flex cursor-pointer items-start gap-3 rounded-md p-2 hover:bg-neutral-50">
                  <input
                    type="radio"
                    name={`group-${g}`}
                    className="mt-1 size-5 accent-[var(--brand)]"
                    checked={choice.options[g] === option}
                    disabled={!canRespond}
                    onChange={() => setChoice((c) => ({ ...c, options: { ...c.options, [g]: option } }))}
                  />
                  <span className="min-w-0 flex-1 text-sm">
                    <span className="block font-medium">{option}</span>
                    <span className="block text-neutral-600">{optionLines.map((l) => l.description).join("; ")}</span>
                  </span>
                  <span className="text-sm tabular-nums">{formatMoney(optionNet)}</span>
                </label>
              );
            })}
          </fieldset>
        ))}
        {addons.length ? (
          <fieldset className="mt-4 rounded-md border border-neutral-200 p-3">
            <legend className="px-1 text-sm font-semibold">Optional extras</legend>
            {addons.map((a) => {
              const addonLines = snapshot.lines.filter((l) => l.addonName === a);
              const addonNet = addonLines.reduce((sum, l) => sum + (net.get(l.id) ?? 0), 0);
              return (
                <label key={a} className="flex cursor-pointer items-start gap-3 rounded-md p-2 hover:bg-neutral-50">
                  <input
                    type="checkbox"
                    className="mt-1 size-5 accent-[var(--brand)]"
                    checked={choice.addons.includes(a)}
                    disabled={!canRespond}
                    onChange={(e) => setChoice((c) => ({ ...c, addons: e.target.checked ? [...c.addons, a] : c.addons.filter((x) => x !== a) }))}
                  />
                  <span className="min-w-0 flex-1 text-sm">
                    <span className="block font-medium">{a}</span>
                    <span className="block text-neutral-600">{addonLines.map((l) => l.description).join("; ")}</span>
                  </span>
                  <span className="text-sm tabular-nums">+{formatMoney(addonNet)}</span>
                </label>
              );
            })}
          </fieldset>
        ) : null}
        <dl className="mt-4 grid grid-cols-[1fr_auto] gap-y-1 border-t border-neutral-200 pt-3 text-sm tabular-nums">
          <dt className="text-neutral-600">Subtotal</dt>
          <dd className="text-right">{formatMoney(totals.netPence)}</dd>
          {totals.vat.map((v) => (
            <div key={v.rateBps} className="contents">
              <dt className="text-neutral-600">VAT at {v.rateBps / 100}%</dt>
              <dd className="text-right">{formatMoney(v.vatPence)}</dd>
            </div>
          ))}
          <dt className="text-base font-semibold">Total</dt>
          <dd className="text-right text-base font-semibold" aria-live="polite" data-testid="quote-total">
            {formatMoney(totals.grossPence)}
          </dd>
        </dl>
      </section>

      {snapshot.terms ? (
        <section aria-labelledby="terms-heading" className="rounded-lg border border-neutral-200 bg-white p-4 sm:p-6">
          <h2 id="terms-heading" className="text-lg font-semibold">
            Terms
          </h2>
          <p className="mt-2 whitespace-pre-wrap text-sm text-neutral-700">{snapshot.terms}</p>
        </section>
      ) : null}

      {canRespond ? (
        <section aria-labelledby="respond-heading" className="rounded-lg border border-neutral-200 bg-white p-4 sm:p-6">
          <h2 id="respond-heading" className="text-lg font-semibold">
            {mode === "accept" ? "Accept this quote" : "Decline or ask for changes"}
          </h2>
          {formError ? (
            <p role="alert" className="mt-3 rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-sm text-danger-800">
              {formError}
            </p>
          ) : null}
          {mode === "accept" ? (
            <form onSubmit={accept} noValidate className="mt-3 flex flex-col gap-4">
              <Input label="Your full name" value={signerName} onChange={(e) => setSignerName(e.target.value)} autoComplete="name" error={errors.signerName} />
              <SignaturePadField id="signature" label="Your signature" hint="Sign with your finger or mouse." onChange={onSignature} error={errors.signature} />
              <label className="flex items-start gap-3 text-sm">
                <input type="checkbox" className="mt-0.5 size-5 accent-[var(--brand)]" checked={terms} onChange={(e) => setTerms(e.target.checked)} aria-describedby={errors.acceptTerms ? "terms-error" : undefined} />
                <span>
                  I accept this quote for {formatMoney(totals.grossPence)} including VAT{snapshot.terms ? ", and its terms" : ""}.
                </span>
              </label>
              {errors.acceptTerms ? (
                <p id="terms-error" className="-mt-2 text-sm font-medium text-danger-700">
                  {errors.acceptTerms}
                </p>
              ) : null}
              <Button type="submit" size="lg" loading={busy === "accept"} loadingText="Accepting…" fullWidth>
                Accept and sign
              </Button>
              <button type="button" className="text-sm font-medium text-neutral-700 underline underline-offset-4" onClick={() => setMode("respond")}>
                Decline or ask for changes instead
              </button>
            </form>
          ) : (
            <div className="mt-3 flex flex-col gap-4">
              <Textarea label="Your message" value={comment} onChange={(e) => setComment(e.target.value)} rows={4} error={errors.comment} />
              <div className="flex flex-col gap-2 sm:flex-row">
                <Button variant="secondary" loading={busy === "respond"} onClick={() => respond("changes")}>
                  Ask for changes
                </Button>
                <Button variant="danger" disabled={busy !== null} onClick={() => respond("decline")}>
                  Decline the quote
                </Button>
              </div>
              <button type="button" className="self-start text-sm font-medium text-neutral-700 underline underline-offset-4" onClick={() => setMode("accept")}>
                Back to accepting
              </button>
            </div>
          )}
        </section>
      ) : null}
    </div>
  );
}
