import type { Level } from "@/lib/thresholds/schema";

// The continuum "windscreen": green, yellow, amber, red from Level 1 to Level 4. The colour only repeats the
// "Level N: Name" label beside it. Each text colour meets WCAG AA on its band (white on the dark green and
// red, near-black on the yellow and amber).
const BAND = {
  1: "bg-[#00703c] text-white",
  2: "bg-[#ffdd00] text-ink",
  3: "bg-[#f47738] text-ink",
  4: "bg-[#d4351c] text-white",
} as const satisfies Record<Level, string>;

const EDGE = {
  1: "border-[#00703c]",
  2: "border-[#ffdd00]",
  3: "border-[#f47738]",
  4: "border-[#d4351c]",
} as const satisfies Record<Level, string>;

/** The border colour of a level, for the box the heading sits on. */
export function levelEdgeClass(level: Level): string {
  return EDGE[level];
}

export function levelLabel(level: Level, name: string): string {
  return `Level ${level}: ${name}`;
}

/** A level's heading on its coloured band, reading "Level N: Name". */
export function LevelHeading({ level, name, as: Heading = "h3", id }: { level: Level; name: string; as?: "h2" | "h3"; id?: string }) {
  return (
    <Heading id={id} data-level-band={level} className={`px-3 py-2 text-base font-bold break-words md:text-lg ${BAND[level]}`}>
      {levelLabel(level, name)}
    </Heading>
  );
}
