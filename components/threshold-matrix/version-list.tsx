import Link from "next/link";
import { Tag } from "@/components/tag";
import type { ThresholdDocument } from "@/lib/thresholds/schema";
import { PublishedDate } from "./published-date";

export type VersionSummary = Pick<ThresholdDocument, "id" | "title" | "status" | "publishedOn">;

/** Every published version, newest first, each at its own permanent address. */
export function VersionList({ versions, viewingId }: { versions: VersionSummary[]; viewingId: string }) {
  return (
    <section aria-labelledby="versions-heading" className="mb-10">
      <h2 id="versions-heading" className="mb-4 text-2xl font-bold md:text-3xl">
        Other versions
      </h2>
      <ul className="space-y-3">
        {versions.map((version) => {
          const viewing = version.id === viewingId;
          return (
            <li key={version.id} className="break-words">
              <Link href={`/thresholds/${version.id}`} aria-current={viewing ? "page" : undefined} className="link font-bold">
                {version.title}
              </Link>{" "}
              <Tag colour={version.status === "current" ? "green" : "grey"}>{version.status === "current" ? "Current" : "Superseded"}</Tag>
              <span className="block text-muted">
                Published <PublishedDate isoDate={version.publishedOn} />
                {viewing ? " – you are looking at this version" : ""}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
