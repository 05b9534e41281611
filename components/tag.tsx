const COLOURS = {
  grey: "bg-[#e5e6e7] text-[#282d30]",
  green: "bg-[#cce2d8] text-[#005a30]",
  red: "bg-[#f4cdc6] text-[#942514]",
  blue: "bg-[#bbd4ea] text-[#0c2d4a]",
  yellow: "bg-[#fff7bf] text-[#594d00]",
} as const;

export type TagColour = keyof typeof COLOURS;

/** A status in words; the colour only repeats what the words say. */
export function Tag({ children, colour = "blue" }: { children: React.ReactNode; colour?: TagColour }) {
  return <strong className={`inline-block max-w-full px-2 py-0.5 text-base font-normal ${COLOURS[colour]}`}>{children}</strong>;
}
