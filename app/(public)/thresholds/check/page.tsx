import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LevelCheck } from "@/components/level-check/level-check";
import { findCurrentThresholdDocument, findThresholdDocument, listIndicators } from "@/lib/thresholds/data";

export const metadata: Metadata = { title: "Check the level of need" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function CheckLevelOfNeedPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const versionId = typeof params.version === "string" ? params.version : null;
  const document = versionId ? findThresholdDocument(versionId) : findCurrentThresholdDocument();
  if (!document) notFound();
  const initialTicked = params.i === undefined ? [] : Array.isArray(params.i) ? params.i : [params.i];

  return (
    <>
      <h1 className="mb-4 text-3xl font-bold md:text-5xl">Check the level of need</h1>
      <p className="mb-2 max-w-prose text-lg">
        Tick the indicators from <Link className="link" href={`/thresholds/${document.id}`}>{document.title}</Link> that describe the child&apos;s
        situation. You will see a suggested level, the reasons for it and what to do next.
      </p>
      <p className="mb-8 max-w-prose">
        The guidance does not replace having a conversation or sound professional judgement. If a child is in immediate danger, call 999 now.
      </p>
      <LevelCheck
        version={{ id: document.id, title: document.title, superseded: document.status === "superseded" }}
        levels={document.levels.map(({ level, name }) => ({ level, name }))}
        domains={document.domains.map(({ id, name }) => ({ id, name }))}
        indicators={listIndicators(document).map(({ id, text, subItems, s47, domainId, domainName, level }) => ({ id, text, subItems, s47, domainId, domainName, level }))}
        initialTicked={initialTicked}
      />
    </>
  );
}
