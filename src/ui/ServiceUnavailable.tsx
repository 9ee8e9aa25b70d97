import { buttonClasses } from "./Button";
import { Icon } from "./icons";
import { Wordmark } from "./Wordmark";

export type ServiceUnavailableProps = {
  /** Where "Try again" goes; defaults to reloading the current page. */
  retryHref?: string;
};

/** Full-page notice for when a dependency (database, etc.) is down. Says nothing about internals. */
export function ServiceUnavailable({ retryHref = "" }: ServiceUnavailableProps) {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center bg-neutral-50 px-4 py-12 text-center">
      <header>
        <Wordmark />
      </header>
      <main className="mt-10 flex max-w-md flex-col items-center">
        <div className="flex size-12 items-center justify-center rounded-full bg-warning-100 text-warning-700">
          <Icon name="cloudOff" size={24} />
        </div>
        <h1 className="mt-5 text-xl font-semibold tracking-tight text-neutral-900">
          Quantract is temporarily unavailable
        </h1>
        <p className="mt-2 text-base text-neutral-600">
          We&rsquo;re reconnecting &mdash; try again in a moment.
        </p>
        {/* A plain link (not client navigation) so it works even if scripts failed to load. */}
        <a href={retryHref} className={buttonClasses({ className: "mt-6" })}>
          <Icon name="refresh" size={16} />
          Try again
        </a>
      </main>
    </div>
  );
}
