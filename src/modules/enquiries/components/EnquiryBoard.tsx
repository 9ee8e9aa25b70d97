import Link from "next/link";
import { EmptyState, Money } from "@/ui";
import type { EnquiryView } from "../enquiries.schema";
import { ageLabel } from "./age";
import { MoveToSelect } from "./MoveToSelect";

type Column = { stage: { id: string; name: string; colour: string; isWon: boolean; isLost: boolean }; items: EnquiryView[] };

/** One column per stage; every card can be moved with its "Move to…" select (no dragging needed). */
export function EnquiryBoard({ columns, now }: { columns: Column[]; now: string }) {
  const stages = columns.map((c) => ({ id: c.stage.id, name: c.stage.name }));
  return (
    <div className="-mx-4 overflow-x-auto px-4 pb-4 sm:-mx-6 sm:px-6 lg:-mx-8 lg:px-8">
      <ol className="flex flex-col gap-4 lg:grid lg:auto-cols-[17rem] lg:grid-flow-col lg:items-start" aria-label="Enquiries by stage">
        {columns.map((col) => {
          const total = col.items.reduce((sum, e) => sum + (e.valuePence ?? 0), 0);
          return (
            <li key={col.stage.id} className="flex flex-col rounded-lg border border-neutral-200 bg-neutral-50">
              <section aria-labelledby={`stage-${col.stage.id}`}>
                <header className="flex items-start justify-between gap-2 border-b border-neutral-200 px-3 py-2.5">
                  <h2 id={`stage-${col.stage.id}`} className="flex min-w-0 items-center gap-2 text-sm leading-5 font-semibold text-neutral-900">
                    <span aria-hidden="true" className="size-2.5 shrink-0 rounded-full" style={{ backgroundColor: col.stage.colour }} />
                    <span className="min-w-0 break-words">{col.stage.name}</span>
                    <span className="rounded-full bg-white px-1.5 text-xs font-medium text-neutral-600 tabular-nums ring-1 ring-neutral-200">
                      {col.items.length}
                      <span className="sr-only"> {col.items.length === 1 ? "enquiry" : "enquiries"}</span>
                    </span>
                  </h2>
                  {total > 0 ? <Money pence={total} className="shrink-0 text-xs leading-5 text-neutral-600" /> : null}
                </header>
                {col.items.length === 0 ? (
                  <p className="px-3 py-6 text-center text-sm text-neutral-500">Nothing here</p>
                ) : (
                  <ul className="flex flex-col gap-2 p-2">
                    {col.items.map((e) => (
                      <li key={e.id} className="rounded-md border border-neutral-200 bg-white p-3 shadow-xs" data-testid="enquiry-card">
                        <Link href={`/admin/enquiries/${e.id}`} className="block font-medium text-neutral-900 hover:underline">
                          {e.name}
                        </Link>
                        <p className="mt-0.5 line-clamp-2 text-sm text-neutral-600">{e.description}</p>
                        <dl className="mt-2 grid grid-cols-2 gap-x-2 gap-y-1 text-xs text-neutral-600">
                          <div className="col-span-2 truncate">
                            <dt className="sr-only">Where</dt>
                            <dd>{[e.town, e.postcode].filter(Boolean).join(", ") || "No address yet"}</dd>
                          </div>
                          <div>
                            <dt className="sr-only">Owner</dt>
                            <dd className="truncate">{e.owner?.name ?? "Unassigned"}</dd>
                          </div>
                          <div className="text-right">
                            <dt className="sr-only">Estimated value</dt>
                            <dd className="font-medium text-neutral-800">{e.valuePence !== null ? <Money pence={e.valuePence} /> : "—"}</dd>
                          </div>
                          <div className="col-span-2">
                            <dt className="sr-only">Age</dt>
                            <dd>
                              {e.source === "PUBLIC_FORM" ? "Website · " : ""}
                              {ageLabel(e.createdAt, now)}
                            </dd>
                          </div>
                        </dl>
                        <div className="mt-2">
                          <MoveToSelect enquiryId={e.id} enquiryName={e.name} stageId={e.stage.id} stages={stages} />
                        </div>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </li>
          );
        })}
      </ol>
      {columns.every((c) => c.items.length === 0) ? (
        <EmptyState className="mt-6" icon="inbox" title="No enquiries yet" text="Add one by hand, or share your enquiry form link with customers." actionLabel="Add an enquiry" actionHref="/admin/enquiries/new" />
      ) : null}
    </div>
  );
}
