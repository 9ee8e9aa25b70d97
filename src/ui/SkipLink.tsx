/** "Skip to content" link: first tab stop, visible only when focused. Target needs id="main". */
export function SkipLink({ href = "#main" }: { href?: string }) {
  return (
    <a
      href={href}
      className="sr-only rounded-md bg-white text-sm font-medium text-neutral-900 shadow-md focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:px-3 focus:py-2"
    >
      Skip to content
    </a>
  );
}
