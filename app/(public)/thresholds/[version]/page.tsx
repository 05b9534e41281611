import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ThresholdGuidance } from "@/components/threshold-matrix/threshold-guidance";
import { findCurrentThresholdDocument, findThresholdDocument, listThresholdVersions } from "@/lib/thresholds/data";
import { filterDocument, parseThresholdFilter } from "@/lib/thresholds/search";

// One version at its permanent address, /thresholds/<id>: indicator permalinks point here, so a link
// keeps showing the wording it was made for after the guidance changes.

type Props = { params: Promise<{ version: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const document = findThresholdDocument((await params).version);
  if (!document) return { title: "Page not found" };
  return { title: document.status === "superseded" ? `Threshold guidance (superseded): ${document.title}` : `Threshold guidance: ${document.title}` };
}

export default async function ThresholdVersionPage({ params, searchParams }: Props) {
  const { version } = await params;
  const document = findThresholdDocument(version);
  if (!document) notFound();
  const filter = parseThresholdFilter(await searchParams, document.domains.map((d) => d.id));
  return (
    <ThresholdGuidance
      document={document}
      current={findCurrentThresholdDocument()}
      versions={listThresholdVersions()}
      filter={filter}
      result={filterDocument(document, filter)}
      basePath={`/thresholds/${document.id}`}
    />
  );
}
