// The parts every GOV.UK form field shares: a hint, an inline error, and the aria-describedby that ties
// them to the control so a screen reader reads them with the label.

export function hintIdFor(id: string) {
  return `${id}-hint`;
}

export function errorIdFor(id: string) {
  return `${id}-error`;
}

export function describedByFor(id: string, parts: { hint?: unknown; error?: unknown }): string | undefined {
  const ids = [parts.hint ? hintIdFor(id) : null, parts.error ? errorIdFor(id) : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

export function FieldHint({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <div id={hintIdFor(id)} className="mb-3 text-muted">
      {children}
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p id={errorIdFor(id)} className="mb-3 font-bold text-error">
      <span className="sr-only">Error: </span>
      {message}
    </p>
  );
}

/** The wrapper that marks a field in error with GOV.UK's red bar on the left. */
export function FormGroup({ error, children, className = "" }: { error?: string; children: React.ReactNode; className?: string }) {
  return <div className={`mb-6 md:mb-8 ${error ? "border-l-[5px] border-error pl-4" : ""} ${className}`}>{children}</div>;
}
