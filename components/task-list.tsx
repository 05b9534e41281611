import Link from "next/link";
import { Tag, type TagColour } from "./tag";

export type TaskStatus = "COMPLETED" | "IN_PROGRESS" | "NOT_STARTED" | "CANNOT_START";

const STATUS: Record<TaskStatus, { label: string; colour: TagColour | null }> = {
  COMPLETED: { label: "Completed", colour: null },
  IN_PROGRESS: { label: "In progress", colour: "blue" },
  NOT_STARTED: { label: "Not yet started", colour: "grey" },
  CANNOT_START: { label: "Cannot start yet", colour: null },
};

export type Task = { id: string; title: string; href: string | null; hint?: string; status: TaskStatus };

/**
 * GOV.UK task list: each task names a part of the form and says how far it has got. The whole row is the
 * link's target area; the status is plain words (completed tasks in plain text, as GOV.UK does).
 */
export function TaskList({ tasks }: { tasks: Task[] }) {
  return (
    <ul className="mb-8 border-t border-rule">
      {tasks.map((task) => {
        const status = STATUS[task.status];
        const statusId = `${task.id}-status`;
        const hintId = `${task.id}-hint`;
        return (
          <li key={task.id} className="relative flex flex-wrap items-start justify-between gap-x-6 gap-y-1 border-b border-rule py-3 hover:bg-panel">
            <div className="min-w-0">
              {task.href ? (
                <Link
                  href={task.href}
                  aria-describedby={[task.hint ? hintId : null, statusId].filter(Boolean).join(" ")}
                  className="link after:absolute after:inset-0 after:content-['']"
                >
                  {task.title}
                </Link>
              ) : (
                <span>{task.title}</span>
              )}
              {task.hint && (
                <p id={hintId} className="text-muted">
                  {task.hint}
                </p>
              )}
            </div>
            <div id={statusId} className="shrink-0">
              {status.colour ? <Tag colour={status.colour}>{status.label}</Tag> : <span className={task.status === "CANNOT_START" ? "text-muted" : ""}>{status.label}</span>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
