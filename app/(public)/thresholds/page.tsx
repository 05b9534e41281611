import type { Metadata } from "next";
import { ThresholdGuidance } from "@/components/threshold-matrix/threshold-guidance";
import { findCurrentThresholdDocument, listThresholdVersions } from "@/lib/thresholds/data";
import { filterDocument, parseThresholdFilter } from "@/lib/thresholds/search";

// Public: anyone worried about a child can read the guidance without an account.

export const metadata: Metadata = { title: "Threshold guidance" };

export default async function CurrentThresholdsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const document = findCurrentThresholdDocument();
  const filter = parseThresholdFilter(await searchParams, document.domains.map((d) => d.id));
  return (
    <ThresholdGuidance
      document={document}
      current={document}
      versions={listThresholdVersions()}
      filter={filter}
      result={filterDocument(document, filter)}
      basePath="/thresholds"
    />
  );
}
