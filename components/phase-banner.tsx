import { Tag } from "./tag";

export function PhaseBanner({ phase }: { phase: "demo" | "beta" }) {
  return (
    <div className="border-b border-rule py-2">
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-base">
        <Tag colour={phase === "demo" ? "yellow" : "blue"}>{phase === "demo" ? "Demo" : "Beta"}</Tag>
        <span>
          {phase === "demo"
            ? "This is a demonstration: every person, child and organisation in it is made up."
            : "This is a new service. It may change as we learn what works."}
        </span>
      </p>
    </div>
  );
}
