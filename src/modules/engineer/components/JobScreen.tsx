"use client";

/**
 * One job on site: address (tap to navigate), client (tap to call), scope, checklist, photos,
 * notes, the time clock and completion with the client's signature. Everything the engineer does
 * goes into the phone's outbox first (so it works with no signal) and shows at once; it syncs in
 * order when there is a connection.
 */
import { useCallback, useId, useRef, useState, type ReactNode } from "react";
import { Button, Card, EmptyState, Icon, Skeleton, StatusBadge, Textarea, formatDateTime, formatShortDate, formatTime, useToast } from "@/ui";
import type { EngineerJob } from "../engineer.schema.ts";
import { applyPending, isWorkable, openRequiredItems, type EngineerJobView } from "../offline/optimistic.ts";
import { resizePhoto } from "../offline/photo.ts";
import { useCachedJob, useEngineerOffline } from "./EngineerOffline.tsx";
import { SignaturePadField } from "@/ui/SignaturePadField.tsx";
import { SyncProblems } from "./SyncProblems.tsx";

const WAITING = "Waiting to sync";

function PendingTag() {
  return <span className="ml-2 inline-flex items-center rounded-full bg-warning-50 px-2 py-0.5 text-xs font-medium text-warning-800 ring-1 ring-warning-200 ring-inset">{WAITING}</span>;
}

function mapsUrl(site: NonNullable<EngineerJob["site"]>): string {
  const q = [site.addressLine1, site.addressLine2, site.town, site.postcode].filter(Boolean).join(", ");
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(q)}`;
}

const minutes = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));
function duration(m: number): string {
  const h = Math.floor(m / 60);
  return h ? `${h} h ${m % 60} min` : `${m} min`;
}

function Section({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Card title={title} actions={action} padding="md">
      {children}
    </Card>
  );
}

function SiteAndContact({ job }: { job: EngineerJobView }) {
  const phone = job.client.phone;
  return (
    <Section title="Site and client">
      <div className="flex flex-col gap-4">
        {job.site ? (
          <div>
            <address className="text-lg leading-snug font-medium text-neutral-900 not-italic">
              {job.site.label ? <span className="block text-sm font-normal text-neutral-600">{job.site.label}</span> : null}
              {job.site.addressLine1}
              {job.site.addressLine2 ? <>, {job.site.addressLine2}</> : null}
              <br />
              {job.site.town} {job.site.postcode}
            </address>
            <a
              href={mapsUrl(job.site)}
              target="_blank"
              rel="noopener noreferrer"
              className="mt-3 flex min-h-12 items-center justify-center gap-2 rounded-lg border border-neutral-300 bg-white px-4 text-base font-medium text-neutral-900 hover:bg-neutral-50"
            >
              <Icon name="mapPin" size={20} />
              Open in maps
            </a>
            {job.site.accessNotes ? (
              <div className="mt-3 rounded-md bg-warning-50 p-3 ring-1 ring-warning-200 ring-inset">
                <p className="text-sm font-semibold text-warning-800">Access notes</p>
                <p className="mt-0.5 text-lg whitespace-pre-line text-neutral-900">{job.site.accessNotes}</p>
              </div>
            ) : null}
          </div>
        ) : (
          <p className="text-neutral-700">No site address on this job. Call the office.</p>
        )}
        <div>
          <p className="text-base font-medium text-neutral-900">{job.client.name}</p>
          {job.client.contactName && job.client.contactName !== job.client.name ? <p className="text-sm text-neutral-700">Contact: {job.client.contactName}</p> : null}
          {phone ? (
            <a
              href={`tel:${phone.replace(/[^\d+]/g, "")}`}
              className="mt-2 flex min-h-12 items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 text-base font-medium text-white hover:bg-brand-700"
            >
              <Icon name="phone" size={20} />
              Call {phone}
            </a>
          ) : (
            <p className="text-sm text-neutral-700">No phone number for this client.</p>
          )}
          {job.client.email ? (
            <a href={`mailto:${job.client.email}`} className="mt-2 flex min-h-11 items-center gap-2 text-sm font-medium break-all text-brand-700 underline underline-offset-4">
              <Icon name="mail" size={18} />
              {job.client.email}
            </a>
          ) : null}
        </div>
      </div>
    </Section>
  );
}

function Checklists({ job, canWork, onToggle }: { job: EngineerJobView; canWork: boolean; onToggle: (itemId: string, done: boolean) => void }) {
  if (job.checklists.length === 0) return null;
  return (
    <>
      {job.checklists.map((c) => {
        const done = c.items.filter((i) => i.done).length;
        return (
          <Section key={c.id} title={c.title} action={<span className="figures text-sm text-neutral-700">{done}/{c.items.length} done</span>}>
            <ul className="-my-1 flex flex-col">
              {c.items.map((i) => (
                <li key={i.id} className="border-b border-neutral-100 last:border-0">
                  <label className="flex min-h-12 cursor-pointer items-start gap-3 py-2">
                    <input
                      type="checkbox"
                      className="mt-0.5 size-6 shrink-0 accent-brand-600"
                      checked={i.done}
                      disabled={!canWork}
                      onChange={(e) => onToggle(i.id, e.target.checked)}
                    />
                    <span className="min-w-0 flex-1">
                      <span className={`text-base ${i.done ? "text-neutral-600 line-through" : "text-neutral-900"}`}>{i.label}</span>
                      {i.required ? <span className="ml-2 text-xs font-semibold text-neutral-700 uppercase">Required</span> : <span className="ml-2 text-xs text-neutral-600">Optional</span>}
                      {i.pending ? <PendingTag /> : null}
                      {i.description ? <span className="mt-0.5 block text-sm text-neutral-600">{i.description}</span> : null}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </Section>
        );
      })}
    </>
  );
}

function TimeClock({ job, canWork, act }: { job: EngineerJobView; canWork: boolean; act: (type: "time.clockIn" | "time.clockOut" | "time.breakStart" | "time.breakEnd") => void }) {
  const r = job.time.running;
  const tz = job.timeZone;
  const worked = job.time.entries.reduce((s, e) => s + (e.endedAt ? Math.max(0, minutes(e.startedAt, e.endedAt) - e.breakMinutes) : 0), 0);
  return (
    <Section title="Time on this job">
      <div className="flex flex-col gap-3">
        <p className="text-base text-neutral-900" data-testid="clock-state">
          {r ? (
            r.breakStartedAt ? (
              <>On a break since {formatTime(r.breakStartedAt, tz)}</>
            ) : (
              <>Clocked in since {formatTime(r.startedAt, tz)}</>
            )
          ) : (
            <>Not clocked in</>
          )}
          {r?.pending ? <PendingTag /> : null}
        </p>
        {r ? (
          <div className="grid grid-cols-2 gap-3">
            {r.breakStartedAt ? (
              <Button size="lg" variant="secondary" onClick={() => act("time.breakEnd")}>
                End break
              </Button>
            ) : (
              <Button size="lg" variant="secondary" onClick={() => act("time.breakStart")} disabled={!canWork}>
                Start break
              </Button>
            )}
            <Button size="lg" onClick={() => act("time.clockOut")}>
              Clock out
            </Button>
          </div>
        ) : canWork ? (
          <Button size="lg" fullWidth iconStart="clock" onClick={() => act("time.clockIn")}>
            Clock in
          </Button>
        ) : null}
        {job.time.entries.length ? (
          <div>
            <p className="text-sm font-medium text-neutral-800">
              Logged: <span className="figures">{duration(worked)}</span>
            </p>
            <ul className="mt-1 flex flex-col gap-1 text-sm text-neutral-700">
              {job.time.entries.map((e) => (
                <li key={e.id} className="figures">
                  {formatShortDate(e.startedAt, tz)}, {formatTime(e.startedAt, tz)}–{e.endedAt ? formatTime(e.endedAt, tz) : "…"}
                  {e.breakMinutes ? ` (break ${e.breakMinutes} min)` : ""}
                  {e.pending ? <PendingTag /> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </Section>
  );
}

function Photos({ job, canAdd, onAdd }: { job: EngineerJobView; canAdd: boolean; onAdd: (file: File) => Promise<void> }) {
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Section title="Photos" action={<span className="figures text-sm text-neutral-700">{job.photos.length}</span>}>
      <div className="flex flex-col gap-3">
        {job.photos.length ? (
          <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3">
            {job.photos.map((p) => (
              <li key={p.id} className="relative overflow-hidden rounded-md border border-neutral-200 bg-neutral-100">
                {/* eslint-disable-next-line @next/next/no-img-element -- device data URLs and private downloads, not optimisable */}
                <img src={p.url} alt={p.caption ?? `Photo${p.takenAt ? ` taken ${formatDateTime(p.takenAt, job.timeZone)}` : ""}`} className="aspect-square w-full object-cover" loading="lazy" />
                {p.pending ? <span className="absolute inset-x-0 bottom-0 bg-warning-50/95 px-2 py-1 text-xs font-medium text-warning-800">{WAITING}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-neutral-700">No photos yet.</p>
        )}
        {canAdd ? (
          <>
            <label
              htmlFor={inputId}
              className={`flex min-h-12 cursor-pointer items-center justify-center gap-2 rounded-lg border border-neutral-300 bg-white px-4 text-base font-medium text-neutral-900 hover:bg-neutral-50 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600 ${busy ? "opacity-60" : ""}`}
            >
              <Icon name="plus" size={20} />
              {busy ? "Preparing photo…" : "Add a photo"}
            </label>
            <input
              ref={input}
              id={inputId}
              type="file"
              accept="image/*"
              capture="environment"
              className="sr-only"
              disabled={busy}
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                setBusy(true);
                setError(null);
                try {
                  await onAdd(file);
                } catch (err) {
                  setError(err instanceof Error ? err.message : "The photo couldn't be added. Try again.");
                } finally {
                  setBusy(false);
                  if (input.current) input.current.value = "";
                }
              }}
            />
            {error ? (
              <p role="alert" className="text-sm font-medium text-danger-700">
                {error}
              </p>
            ) : null}
          </>
        ) : null}
      </div>
    </Section>
  );
}

function Notes({ job, canAdd, onAdd }: { job: EngineerJobView; canAdd: boolean; onAdd: (body: string) => Promise<void> }) {
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  return (
    <Section title="Notes">
      <div className="flex flex-col gap-3">
        {job.notes.length ? (
          <ul className="flex flex-col gap-2">
            {job.notes.map((n) => (
              <li key={n.id} className="rounded-md bg-neutral-50 p-3 ring-1 ring-neutral-200 ring-inset">
                <p className="text-base whitespace-pre-line text-neutral-900">{n.body}</p>
                <p className="mt-1 text-xs text-neutral-600">
                  {n.authorName ?? "You"} · {formatDateTime(n.createdAt, job.timeZone)}
                  {n.pending ? <PendingTag /> : null}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-neutral-700">No notes yet.</p>
        )}
        {canAdd ? (
          <form
            className="flex flex-col gap-2"
            onSubmit={async (e) => {
              e.preventDefault();
              const text = body.trim();
              if (!text) {
                setError("Write the note first");
                return;
              }
              if (text.length > 5000) {
                setError("Keep notes under 5000 characters");
                return;
              }
              setSaving(true);
              try {
                await onAdd(text);
                setBody("");
                setError(undefined);
              } finally {
                setSaving(false);
              }
            }}
          >
            <Textarea label="New note" rows={3} value={body} onChange={(e) => setBody(e.target.value)} error={error} maxLength={5000} />
            <Button type="submit" size="lg" variant="secondary" loading={saving}>
              Add note
            </Button>
          </form>
        ) : null}
      </div>
    </Section>
  );
}

function Completion({ job, onComplete }: { job: EngineerJobView; onComplete: (signerName: string, signature: string) => Promise<void> }) {
  const [name, setName] = useState("");
  const [signature, setSignature] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ name?: string; signature?: string }>({});
  const [saving, setSaving] = useState(false);
  const nameId = useId();
  const onSignature = useCallback((v: string | null) => setSignature(v), []);
  const open = openRequiredItems(job);

  if (job.completion) {
    return (
      <Section title="Completion">
        <p className="flex items-center gap-2 text-base text-neutral-900">
          <Icon name="checkCircle" size={20} className="text-success-600" />
          Completed {formatDateTime(job.completion.completedAt, job.timeZone)}
          {job.completion.signerName ? `, signed by ${job.completion.signerName}` : ""}
        </p>
        {job.completion.pending ? <p className="mt-2 text-sm text-warning-800">Saved on this phone; it is sent to the office when you&apos;re online.</p> : null}
      </Section>
    );
  }
  if (!isWorkable(job.status)) return null;
  return (
    <Section title="Complete the job">
      <form
        className="flex flex-col gap-4"
        onSubmit={async (e) => {
          e.preventDefault();
          const next: typeof errors = {};
          if (!name.trim()) next.name = "Enter the name of the person signing";
          if (!signature) next.signature = "Ask the client to sign in the box";
          setErrors(next);
          if (next.name || next.signature || open.length) return;
          setSaving(true);
          try {
            await onComplete(name.trim(), signature!);
          } finally {
            setSaving(false);
          }
        }}
      >
        {open.length ? (
          <div role="status" className="rounded-md bg-warning-50 p-3 text-sm text-warning-800 ring-1 ring-warning-200 ring-inset">
            <p className="font-semibold">Finish the required checklist items first:</p>
            <ul className="mt-1 list-disc pl-5">
              {open.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="flex flex-col gap-1.5">
          <label htmlFor={nameId} className="text-sm font-medium text-neutral-800">
            Client&apos;s name
          </label>
          <input
            id={nameId}
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
            maxLength={120}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? `${nameId}-error` : undefined}
            className={`h-12 rounded-md border bg-white px-3 text-base ${errors.name ? "border-danger-600" : "border-neutral-300"}`}
          />
          {errors.name ? (
            <p id={`${nameId}-error`} className="text-sm font-medium text-danger-700">
              {errors.name}
            </p>
          ) : null}
        </div>
        <SignaturePadField id="client-signature" label="Client's signature" hint="Hand the phone to the client to sign with a finger." heightClass="h-44" onChange={onSignature} error={errors.signature} />
        <Button type="submit" size="lg" fullWidth iconStart="checkCircle" loading={saving} disabled={open.length > 0}>
          Complete job
        </Button>
      </form>
    </Section>
  );
}

/** The job on site, from the server's copy (online) or the phone's (offline), with queued changes applied. */
export function JobScreen({ jobId, initial }: { jobId: string; initial: EngineerJob | null }) {
  const { outbox, enqueue, online } = useEngineerOffline();
  const { job: base, loaded } = useCachedJob(jobId, initial);
  const toast = useToast();

  if (!loaded) {
    return (
      <div className="flex flex-col gap-3" aria-busy="true" aria-label="Loading the job">
        <Skeleton className="h-8 w-2/3" />
        <Skeleton className="h-40 w-full" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  }
  if (!base) {
    return (
      <EmptyState
        icon="cloudOff"
        title="This job isn't saved on this phone"
        text={online ? "It isn't one of your jobs, or it was removed." : "Only today's and upcoming jobs are kept for offline use. Connect to open this one."}
        actionLabel="Back to today"
        actionHref="/engineer"
      />
    );
  }
  const job = applyPending(base, outbox);
  const tz = job.timeZone;
  const canWork = isWorkable(job.status);
  const canAddNotes = job.status !== "CANCELLED";

  return (
    <div className="flex flex-col gap-4">
      <div>
        <p className="text-sm text-neutral-700">
          {job.number} · {job.clientName}
        </p>
        <div className="mt-1 flex items-start justify-between gap-3">
          <h1 className="min-w-0 text-2xl leading-tight font-semibold tracking-tight break-words text-neutral-900">{job.title}</h1>
          <StatusBadge status={job.status} size="md" />
        </div>
        {job.visits.length ? (
          <ul className="mt-2 flex flex-col gap-0.5 text-sm text-neutral-700">
            {job.visits.map((v) => (
              <li key={v.id} className="figures">
                Visit {formatShortDate(v.startsAt, tz)}, {formatTime(v.startsAt, tz)}–{formatTime(v.endsAt, tz)}
                {v.notes ? ` · ${v.notes}` : ""}
              </li>
            ))}
          </ul>
        ) : null}
        {job.pendingCount > 0 ? (
          <p className="mt-2 text-sm font-medium text-warning-800">
            {job.pendingCount} {job.pendingCount === 1 ? "change" : "changes"} on this phone waiting to sync
          </p>
        ) : null}
      </div>

      <SyncProblems jobId={job.id} timeZone={tz} />

      {job.status === "CANCELLED" ? (
        <div role="alert" className="rounded-lg border border-danger-200 bg-danger-50 p-4 text-danger-800">
          <p className="font-semibold">The office cancelled this job</p>
          {job.cancelledReason ? <p className="mt-1 text-sm">{job.cancelledReason}</p> : null}
        </div>
      ) : null}

      <SiteAndContact job={job} />

      {job.scope ? (
        <Section title="Scope of work">
          <p className="text-base whitespace-pre-line text-neutral-900">{job.scope}</p>
        </Section>
      ) : null}

      <Checklists
        job={job}
        canWork={canWork}
        onToggle={(itemId, done) => {
          void enqueue(job.id, "checklist.set", { itemId, done });
        }}
      />

      <TimeClock
        job={job}
        canWork={canWork}
        act={(type) => {
          void enqueue(job.id, type, {});
        }}
      />

      <Photos
        job={job}
        canAdd={canAddNotes}
        onAdd={async (file) => {
          const photo = await resizePhoto(file);
          await enqueue(job.id, "photo.add", { dataUrl: photo.dataUrl, caption: null, fileName: file.name || "photo.jpg" });
        }}
      />

      <Notes
        job={job}
        canAdd={canAddNotes}
        onAdd={async (body) => {
          await enqueue(job.id, "note.add", { body });
        }}
      />

      {job.status === "ON_HOLD" ? (
        <Button size="lg" variant="secondary" fullWidth onClick={() => void enqueue(job.id, "job.start", {})}>
          Resume job
        </Button>
      ) : null}

      <Completion
        job={job}
        onComplete={async (signerName, signatureDataUrl) => {
          await enqueue(job.id, "job.complete", { signerName, signatureDataUrl });
          toast.success("Job completed", navigator.onLine ? undefined : "Saved on this phone; it syncs when you're back online.");
        }}
      />
    </div>
  );
}
