"use client";

/**
 * The lower part of the job screen: the time clock, photos, notes, resuming a job on hold and completion with the
 * client's signature. Loaded after the screen's first paint (JobScreen's LazyJobFieldwork), and
 * fetched ahead by the offline provider so it is in the service worker's cache before the
 * engineer loses signal.
 */
import { useCallback, useId, useRef, useState } from "react";
import { Button } from "@/ui/Button";
import { Textarea } from "@/ui/Field";
import { formatDateTime, formatShortDate, formatTime } from "@/ui/format";
import { Icon } from "@/ui/icons";
import { Skeleton } from "@/ui/Skeleton";
import { ToastProvider, useToast } from "@/ui/Toast";
import { isWorkable, openRequiredItems, type EngineerJobView } from "../offline/optimistic.ts";
import { useEngineerOffline } from "./EngineerOffline.tsx";
import { PendingTag, Section, WAITING } from "./job-parts.tsx";
import { loadPhotoResizer, loadSignaturePad, useLazyModule } from "./lazy.ts";

const minutes = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));
function duration(m: number): string {
  const h = Math.floor(m / 60);
  return h ? `${h} h ${m % 60} min` : `${m} min`;
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

type SignaturePadFieldType = Awaited<ReturnType<typeof loadSignaturePad>>["SignaturePadField"];

/**
 * The signature box is only needed to complete a job: its code (signature_pad) loads after first
 * paint, from the service worker's cache when offline. A placeholder holds its place meanwhile.
 * (A plain import() rather than next/dynamic, whose runtime would cost more than it saves here.)
 */
function LazySignaturePadField(props: Parameters<SignaturePadFieldType>[0]) {
  const { mod, failed } = useLazyModule(loadSignaturePad);
  if (mod) return <mod.SignaturePadField {...props} />;
  if (failed) {
    return (
      <p role="alert" className="text-sm font-medium text-danger-700">
        The signature box couldn&apos;t load. Reconnect and reload the page to take the signature.
      </p>
    );
  }
  return <Skeleton height="13rem" />;
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
        <LazySignaturePadField id="client-signature" label="Client's signature" hint="Hand the phone to the client to sign with a finger." heightClass="h-44" onChange={onSignature} error={errors.signature} />
        <Button type="submit" size="lg" fullWidth iconStart="checkCircle" loading={saving} disabled={open.length > 0}>
          Complete job
        </Button>
      </form>
    </Section>
  );
}

/** The job screen's lower part; its own toast region (the completion toast) keeps Toast out of the layout's first load. */
export function JobFieldwork({ job }: { job: EngineerJobView }) {
  return (
    <ToastProvider>
      <Fieldwork job={job} />
    </ToastProvider>
  );
}

function Fieldwork({ job }: { job: EngineerJobView }) {
  const { enqueue } = useEngineerOffline();
  const toast = useToast();
  const canWork = isWorkable(job.status);
  const canAddNotes = job.status !== "CANCELLED";
  return (
    <>
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
          const { resizePhoto } = await loadPhotoResizer();
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
    </>
  );
}
