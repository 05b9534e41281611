/** The first focusable element on every page: keyboard users jump straight past the header. */
export function SkipLink() {
  return (
    <a href="#main-content" className="sr-only block bg-ink p-3 text-white underline focus:not-sr-only">
      Skip to main content
    </a>
  );
}
