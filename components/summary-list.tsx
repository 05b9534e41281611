import Link from "next/link";

export type SummaryRow = {
  key: string;
  value: React.ReactNode;
  /** GOV.UK "Change" link; `context` is read only by screen readers ("Change first name"). */
  action?: { href: string; label?: string; context: string };
};

/** GOV.UK summary list: a key and its value, stacked on a phone and side by side from tablet up. */
export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="mb-8">
      {rows.map((row) => (
        <div key={row.key} className="border-b border-rule py-2 md:flex md:gap-6 md:py-3">
          <dt className="font-bold md:w-1/3">{row.key}</dt>
          <dd className={`mt-1 break-words md:mt-0 ${row.action ? "md:w-1/2" : "md:w-2/3"}`}>{row.value}</dd>
          {row.action && (
            <dd className="mt-1 md:mt-0 md:w-1/6 md:text-right">
              <Link href={row.action.href} className="link">
                {row.action.label ?? "Change"}
                <span className="sr-only"> {row.action.context}</span>
              </Link>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
