import Link from "next/link";
import { Button, ButtonGroup } from "@/components/button";
import { Select } from "@/components/select";
import { TextInput } from "@/components/text-input";
import type { ThresholdFilter } from "@/lib/thresholds/search";
import { LEVELS, type Level } from "@/lib/thresholds/schema";
import { levelLabel } from "./level-heading";

/** A plain GET form, so searching works without JavaScript and every result has its own address. */
export function FilterForm({
  action,
  filter,
  domains,
  levelNames,
}: {
  action: string;
  filter: ThresholdFilter;
  domains: { id: string; name: string }[];
  levelNames: Record<Level, string>;
}) {
  return (
    <form method="get" action={action} role="search" aria-labelledby="filter-heading" data-print-hide="" className="mb-6 border-l-[5px] border-brand bg-panel p-4">
      <h2 id="filter-heading" className="mb-4 text-xl font-bold md:text-2xl">
        Find an indicator
      </h2>
      <TextInput id="q" name="q" label="Search the guidance" hint="For example, bruising or school attendance" defaultValue={filter.q} maxLength={100} />
      <div className="grid gap-x-6 md:grid-cols-2">
        <Select
          id="domain"
          name="domain"
          label="Domain"
          defaultValue={filter.domain ?? ""}
          options={[{ value: "", label: "All domains" }, ...domains.map((d) => ({ value: d.id, label: d.name }))]}
        />
        <Select
          id="level"
          name="level"
          label="Level"
          defaultValue={filter.level === null ? "" : String(filter.level)}
          options={[{ value: "", label: "All levels" }, ...LEVELS.map((level) => ({ value: String(level), label: levelLabel(level, levelNames[level]) }))]}
        />
      </div>
      <ButtonGroup>
        <Button type="submit">Apply</Button>
        <Link href={action} className="link">
          Clear<span className="sr-only"> the search and filters</span>
        </Link>
      </ButtonGroup>
    </form>
  );
}
