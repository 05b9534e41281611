import type { FieldErrors as FormErrors, FieldValues, UseFormRegister, UseFormRegisterReturn, UseFormSetValue, UseFormWatch } from "react-hook-form";
import { z } from "zod";
import type { FieldErrors } from "@/lib/result";

// What every section's fields need from the form: each input registered with react-hook-form under its
// dotted name (which is also its id, so an error summary link lands on it), its starting value written
// into the HTML (so the page works before and without JavaScript), and its message.

export type FieldKit = {
  /** A text box, textarea or select. */
  text: (name: string) => UseFormRegisterReturn & { id: string; defaultValue: string; error?: string };
  /** A hidden input: an answer the page carries rather than asks (the guidance version). */
  hidden: (name: string) => UseFormRegisterReturn & { defaultValue: string };
  /** A group of radios: the Radios component's props. */
  choice: (name: string) => UseFormRegisterReturn & { id: string; defaultValue: string | null; error?: string; revealed?: string | null };
  /** One checkbox in a group that sends a list (the threshold indicators). */
  tick: (name: string, value: string) => UseFormRegisterReturn & { defaultChecked: boolean };
  error: (name: string) => string | undefined;
  /** The current answer, as typed (for conditional questions and live hints). */
  current: (name: string) => unknown;
  /** Sets an answer the browser works out rather than the person types (the suggested level). Stable. */
  set: UseFormSetValue<FieldValues>;
  /** False before JavaScript runs (and always without it): conditional questions then all show. */
  scripted: boolean;
};

export function valueAt(values: unknown, path: string): unknown {
  let node = values;
  for (const segment of path.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

export function textAt(values: unknown, path: string): string {
  const value = valueAt(values, path);
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

export function createFieldKit({
  values,
  errors,
  register,
  watch,
  setValue,
  scripted,
}: {
  values: Record<string, unknown>;
  errors: FieldErrors;
  register: UseFormRegister<FieldValues>;
  watch: UseFormWatch<FieldValues>;
  setValue: UseFormSetValue<FieldValues>;
  scripted: boolean;
}): FieldKit {
  const current = (name: string) => (scripted ? watch(name) : valueAt(values, name));
  return {
    text: (name) => ({ ...register(name), id: name, defaultValue: textAt(values, name), error: errors[name] }),
    hidden: (name) => ({ ...register(name), defaultValue: textAt(values, name) }),
    choice: (name) => {
      const now = current(name);
      return {
        ...register(name),
        id: name,
        defaultValue: textAt(values, name) || null,
        error: errors[name],
        revealed: scripted ? (typeof now === "string" ? now : null) : undefined,
      };
    },
    tick: (name, value) => {
      const list = valueAt(values, name);
      return { ...register(name), defaultChecked: Array.isArray(list) ? list.includes(value) : list === value };
    },
    error: (name) => errors[name],
    current,
    set: setValue,
    scripted,
  };
}

/** react-hook-form's nested errors as one message per dotted field name, as the server sends them. */
export function flattenFormErrors(errors: FormErrors<FieldValues>, prefix = ""): FieldErrors {
  const flat: FieldErrors = {};
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== "object") continue;
    // A list's own message (too few, too many) sits under "root" in react-hook-form.
    const path = key === "root" ? prefix.replace(/\.$/, "") : `${prefix}${key}`;
    const message = (value as { message?: unknown }).message;
    if (typeof message === "string" && message && "type" in value) {
      flat[path || "form"] ??= message;
      continue;
    }
    Object.assign(flat, flattenFormErrors(value as FormErrors<FieldValues>, `${path}.`));
  }
  return flat;
}

/**
 * The order of a page's fields, from its schema and its answers (how many children there are), so the
 * error summary lists the problems in the order they appear on the page.
 */
export function fieldOrderOf(schema: z.ZodType, values: unknown, prefix = ""): string[] {
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, child]) => [
      `${prefix}${key}`,
      ...fieldOrderOf(child, valueAt(values, key), `${prefix}${key}.`),
    ]);
  }
  if (schema instanceof z.ZodArray) {
    const count = Array.isArray(values) ? values.length : 0;
    return Array.from({ length: count }, (_, i) => fieldOrderOf(schema.element as z.ZodType, (values as unknown[])[i], `${prefix}${i}.`)).flat();
  }
  return [];
}

export function sortByFieldOrder(errors: FieldErrors, order: readonly string[]): [string, string][] {
  const position = (key: string) => {
    const index = order.indexOf(key);
    return index === -1 ? (key === "form" ? -1 : order.length) : index;
  };
  return Object.entries(errors).sort(([a], [b]) => position(a) - position(b));
}
