// A plain HTML form can only send flat name=value pairs. The referral forms name their fields by path
// ("children.0.postcode", "consent.status") so the server can rebuild the nested answers that the shared
// zod schemas describe, and the browser (react-hook-form) reads the same names the same way.

export type FormDataOptions = {
  /** Fields that are always lists (a group of checkboxes): [] when nothing is ticked, a list even when one is. */
  arrays?: readonly string[];
  /** Single checkboxes: true when sent (checked), false when absent. */
  checkboxes?: readonly string[];
  /** Fields that are not answers (hidden ids, the button pressed), left out of the result. */
  omit?: readonly string[];
};

type Tree = { [key: string]: unknown };

// A form can be posted by anyone, so a name must not reach Object.prototype or make a huge sparse list.
const FORBIDDEN_SEGMENTS = new Set(["__proto__", "prototype", "constructor"]);
const MAX_INDEX = 99;
const INDEX = /^(0|[1-9]\d*)$/;

/** React and Next.js add their own fields to a server action's form post; they are not answers. */
function isFrameworkField(name: string): boolean {
  return name.startsWith("$ACTION");
}

function segmentsOf(name: string): string[] | null {
  const segments = name.split(".");
  if (segments.some((segment) => segment === "" || FORBIDDEN_SEGMENTS.has(segment))) return null;
  if (segments.some((segment) => INDEX.test(segment) && Number(segment) > MAX_INDEX)) return null;
  return segments;
}

function setPath(tree: Tree, segments: string[], value: unknown) {
  let node: Tree = tree;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    if (last) {
      const existing = node[segment];
      // A name sent twice (a group of checkboxes) becomes a list of its values.
      node[segment] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
      return;
    }
    const next = node[segment];
    if (typeof next !== "object" || next === null || Array.isArray(next)) {
      // A branch that clashes with a plain value ("a" and "a.b") keeps the branch: the deeper name is more specific.
      node[segment] = {};
    }
    node = node[segment] as Tree;
  }
}

/** Objects whose keys are all list positions ("0", "1", …) become lists, in order, without gaps. */
function toListsWhereIndexed(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const entries = Object.entries(value as Tree).map(([key, child]) => [key, toListsWhereIndexed(child)] as const);
  if (entries.length > 0 && entries.every(([key]) => INDEX.test(key))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, child]) => child);
  }
  return Object.fromEntries(entries);
}

function getPath(tree: Tree, segments: string[]): unknown {
  let node: unknown = tree;
  for (const segment of segments) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Tree)[segment];
  }
  return node;
}

function setPathReplacing(tree: Tree, segments: string[], value: unknown) {
  let node: Tree = tree;
  for (const segment of segments.slice(0, -1)) {
    if (typeof node[segment] !== "object" || node[segment] === null) node[segment] = {};
    node = node[segment] as Tree;
  }
  node[segments[segments.length - 1]!] = value;
}

/**
 * The answers in a form post as nested objects and lists. Text stays text (the schemas trim and check it);
 * files are left out (attachments have their own action); so are React's and Next.js's own fields.
 */
export function formDataToObject(formData: FormData, options: FormDataOptions = {}): Record<string, unknown> {
  const omit = new Set(options.omit ?? []);
  const tree: Tree = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || isFrameworkField(name) || omit.has(name)) continue;
    const segments = segmentsOf(name);
    if (segments) setPath(tree, segments, value);
  }
  const result = toListsWhereIndexed(tree) as Tree;
  for (const name of options.arrays ?? []) {
    const segments = segmentsOf(name);
    if (!segments) continue;
    const value = getPath(result, segments);
    setPathReplacing(result, segments, value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]);
  }
  for (const name of options.checkboxes ?? []) {
    const segments = segmentsOf(name);
    if (segments) setPathReplacing(result, segments, getPath(result, segments) !== undefined);
  }
  return result;
}

/** One text field of a form post; a missing or file field is "". */
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}
