import type { Level } from "@/lib/thresholds/schema";

// The continuum "windscreen" colours (seed 000): green, yellow, amber, red. Always beside the words
// "Level N: name", never instead of them.
export const LEVEL_STYLES: Record<Level, { border: string; band: string; colourName: string }> = {
  1: { border: "border-[#00703c]", band: "bg-[#00703c] text-white", colourName: "green" },
  2: { border: "border-[#ffdd00]", band: "bg-[#ffdd00] text-ink", colourName: "yellow" },
  3: { border: "border-[#f47738]", band: "bg-[#f47738] text-ink", colourName: "amber" },
  4: { border: "border-[#d4351c]", band: "bg-[#d4351c] text-white", colourName: "red" },
};
