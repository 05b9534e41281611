const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` can be a record's id. Checked before a look-up, so a mistyped URL is "not found", not a database error. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
