/** GOV.UK warning text: the "!" is decoration; the hidden "Warning" says the same to a screen reader. */
export function WarningText({ children }: { children: React.ReactNode }) {
  return (
    <div className="mb-6 flex items-start gap-4">
      <span aria-hidden="true" className="flex size-9 shrink-0 items-center justify-center rounded-full bg-ink text-2xl font-bold text-white">
        !
      </span>
      <p className="pt-1 font-bold">
        <span className="sr-only">Warning: </span>
        {children}
      </p>
    </div>
  );
}
