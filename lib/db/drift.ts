import { readFile } from "node:fs/promises";
import internals from "@prisma/internals";
import pg from "pg";

// Migrations are written by hand (docs/decisions/0002), so nothing but this check notices when one forgets a
// column or an index. It reads schema.prisma through Prisma's own parser (wasm, works offline) and the
// migrated database through pg_catalog, and lists every difference in plain words. Defaults, triggers and
// functions are not compared: schema.prisma cannot describe the triggers, and defaults are rendered too
// differently on each side to compare without a lot of guesswork.

type Dmmf = Awaited<ReturnType<typeof internals.getDMMF>>["datamodel"];
type DmmfModel = Dmmf["models"][number];
type DmmfField = DmmfModel["fields"][number];

/** Prisma's own bookkeeping table; not in schema.prisma. */
const MIGRATIONS_TABLE = "_prisma_migrations";
const MAX_IDENTIFIER_LENGTH = 63;

type ExpectedColumn = { name: string; type: string | null; notNull: boolean };
type ExpectedIndex = { table: string; name: string; columns: string[]; descending: boolean[]; unique: boolean; primary: boolean; method: string };
type ExpectedForeignKey = { table: string; name: string; columns: string[]; referencedTable: string; referencedColumns: string[]; onDelete: string; onUpdate: string };

type Expected = {
  tables: Map<string, ExpectedColumn[] | null>;
  enums: Map<string, string[]>;
  indexes: ExpectedIndex[];
  foreignKeys: ExpectedForeignKey[];
};

type Actual = {
  tables: Map<string, Map<string, { type: string; notNull: boolean }>>;
  enums: Map<string, string[]>;
  indexes: (ExpectedIndex & { hasExpressions: boolean; partial: boolean })[];
  foreignKeys: ExpectedForeignKey[];
};

/** The differences between schema.prisma and the database at `connectionString`; empty when they agree. */
export async function findSchemaDrift(connectionString: string, schemaPath = "prisma/schema.prisma"): Promise<string[]> {
  const source = await readFile(schemaPath, "utf8");
  const { datamodel } = await internals.getDMMF({ datamodel: source });
  const expected = describeSchema(datamodel, source);
  const actual = await describeDatabase(connectionString);
  return [...compareEnums(expected, actual), ...compareTables(expected, actual), ...compareIndexes(expected, actual), ...compareForeignKeys(expected, actual)];
}

// What schema.prisma asks for -------------------------------------------------------------------------

function describeSchema(datamodel: Dmmf, source: string): Expected {
  const models = new Map(datamodel.models.map((m) => [m.name, m]));
  const enumDbNames = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
  const columnOf = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    return field?.dbName ?? fieldName;
  };

  const tables = new Map<string, ExpectedColumn[] | null>();
  for (const model of datamodel.models) {
    tables.set(
      tableOf(model),
      model.fields
        .filter((f) => f.kind !== "object")
        // Prisma creates scalar list columns without NOT NULL, whatever the schema says.
        .map((f) => ({ name: f.dbName ?? f.name, type: expectedType(f, enumDbNames), notNull: f.isRequired && !f.isList })),
    );
  }
  // Implicit many-to-many relations get a join table named after the relation; only its existence is checked.
  for (const model of datamodel.models) {
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.isList || !field.relationName) continue;
      const other = models.get(field.type)?.fields.find((f) => f.relationName === field.relationName && f !== field);
      if (other?.isList) tables.set(`_${field.relationName}`, null);
    }
  }

  const enums = new Map(datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));

  const indexes: ExpectedIndex[] = [];
  for (const index of datamodel.indexes) {
    const model = models.get(index.model);
    if (!model || index.type === "fulltext") continue;
    const table = tableOf(model);
    const columns = index.fields.map((f) => columnOf(model, f.name));
    const suffix = index.type === "id" ? "pkey" : index.type === "unique" ? "key" : "idx";
    indexes.push({
      table,
      name: index.dbName ?? conventionalName(index.type === "id" ? [table] : [table, ...columns], suffix),
      columns,
      descending: index.fields.map((f) => f.sortOrder === "desc"),
      unique: index.type !== "normal",
      primary: index.type === "id",
      method: (index.algorithm ?? "BTree").toLowerCase(),
    });
  }

  const mappedForeignKeys = foreignKeyNamesIn(source);
  const foreignKeys: ExpectedForeignKey[] = [];
  for (const model of datamodel.models) {
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const target = models.get(field.type);
      if (!target) continue;
      const table = tableOf(model);
      const columns = field.relationFromFields.map((name) => columnOf(model, name));
      const optional = field.relationFromFields.some((name) => !model.fields.find((f) => f.name === name)?.isRequired);
      foreignKeys.push({
        table,
        name: mappedForeignKeys.get(`${model.name}.${field.name}`) ?? conventionalName([table, ...columns], "fkey"),
        columns,
        referencedTable: tableOf(target),
        referencedColumns: (field.relationToFields ?? []).map((name) => columnOf(target, name)),
        onDelete: field.relationOnDelete ?? (optional ? "SetNull" : "Restrict"),
        onUpdate: field.relationOnUpdate ?? "Cascade",
      });
    }
  }
  return { tables, enums, indexes, foreignKeys };
}

/** Prisma's default constraint names: parts joined by "_", cut so that the suffix still fits in 63 bytes. */
function conventionalName(parts: string[], suffix: string): string {
  const base = parts.join("_");
  const room = MAX_IDENTIFIER_LENGTH - suffix.length - 1;
  return `${base.length > room ? base.slice(0, room) : base}_${suffix}`;
}

/** `@relation(..., map: "name")` is not in the DMMF, so mapped foreign key names are read from the source. */
function foreignKeyNamesIn(source: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const block of source.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    for (const line of (block[2] ?? "").split("\n")) {
      const match = /^\s*(\w+)\s.*@relation\((.*)\)/.exec(line);
      const map = match?.[2] && /\bmap:\s*"([^"]+)"/.exec(match[2]);
      if (match?.[1] && map && map[1]) names.set(`${block[1]}.${match[1]}`, map[1]);
    }
  }
  return names;
}

/** The column type as PostgreSQL's format_type() prints it, or null when it cannot be known (Unsupported). */
function expectedType(field: DmmfField, enumDbNames: Map<string, string>): string | null {
  const base = field.kind === "enum" ? (enumDbNames.get(field.type) ?? field.type) : scalarType(field);
  if (base === null) return null;
  return field.isList ? `${base}[]` : base;
}

function scalarType(field: DmmfField): string | null {
  if (field.kind === "unsupported") return null;
  const [native, args = []] = field.nativeType ?? [null, []];
  const precision = args.length > 0 ? `(${args.join(",")})` : "";
  switch (native) {
    case null:
      return DEFAULT_TYPES[field.type] ?? null;
    case "Text":
    case "Uuid":
    case "Xml":
    case "Inet":
    case "Citext":
    case "Boolean":
    case "Integer":
    case "SmallInt":
    case "Oid":
    case "BigInt":
    case "Real":
    case "Money":
    case "Date":
      return native.toLowerCase();
    case "DoublePrecision":
      return "double precision";
    case "Char":
      return `character${precision}`;
    case "VarChar":
      return `character varying${precision}`;
    case "Bit":
      return `bit${precision}`;
    case "VarBit":
      return `bit varying${precision}`;
    case "Decimal":
      return `numeric${precision}`;
    case "Timestamp":
      return `timestamp${precision} without time zone`;
    case "Timestamptz":
      return `timestamp${precision} with time zone`;
    case "Time":
      return `time${precision} without time zone`;
    case "Timetz":
      return `time${precision} with time zone`;
    case "Json":
      return "json";
    case "JsonB":
      return "jsonb";
    case "ByteA":
      return "bytea";
    default:
      return null;
  }
}

const DEFAULT_TYPES: Record<string, string> = {
  String: "text",
  Boolean: "boolean",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

// What the database has --------------------------------------------------------------------------------

async function describeDatabase(connectionString: string): Promise<Actual> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const tables = await client.query<{ table: string }>(
      `SELECT c.relname AS "table" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`,
    );
    // format_type() prints enum names quoted when they need quotes; the bare name is easier to compare.
    const columns = await client.query<{ table: string; column: string; type: string; not_null: boolean }>(
      `SELECT c.relname AS "table", a.attname AS "column", a.attnotnull AS not_null,
         CASE WHEN t.typtype = 'e' THEN t.typname
              WHEN et.typtype = 'e' THEN et.typname || '[]'
              ELSE format_type(a.atttypid, a.atttypmod) END AS type
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
       ORDER BY c.relname, a.attnum`,
    );
    const enums = await client.query<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = current_schema() GROUP BY t.typname`,
    );
    const indexes = await client.query<{ table: string; name: string; columns: string[]; descending: boolean[]; unique: boolean; primary: boolean; method: string; has_expressions: boolean; partial: boolean }>(
      `SELECT tc.relname AS "table", ic.relname AS name, i.indisunique AS "unique", i.indisprimary AS "primary", am.amname AS method,
         i.indexprs IS NOT NULL AS has_expressions, i.indpred IS NOT NULL AS partial,
         array(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
         array(SELECT (o & 1) = 1 FROM unnest(i.indoption::int2[]) WITH ORDINALITY x(o, ord) ORDER BY x.ord) AS descending
       FROM pg_index i
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_class tc ON tc.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = tc.relnamespace
       JOIN pg_am am ON am.oid = ic.relam
       WHERE n.nspname = current_schema() AND tc.relkind IN ('r', 'p')`,
    );
    const foreignKeys = await client.query<{ table: string; name: string; columns: string[]; referenced_table: string; referenced_columns: string[]; on_delete: string; on_update: string }>(
      `SELECT con.conname AS name, tc.relname AS "table", rc.relname AS referenced_table,
         con.confdeltype AS on_delete, con.confupdtype AS on_update,
         array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
         array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS referenced_columns
       FROM pg_constraint con
       JOIN pg_class tc ON tc.oid = con.conrelid
       JOIN pg_class rc ON rc.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = tc.relnamespace
       WHERE con.contype = 'f' AND n.nspname = current_schema()`,
    );

    const byTable = new Map<string, Map<string, { type: string; notNull: boolean }>>(tables.rows.map((r) => [r.table, new Map()]));
    for (const c of columns.rows) byTable.get(c.table)?.set(c.column, { type: c.type, notNull: c.not_null });
    return {
      tables: byTable,
      enums: new Map(enums.rows.map((e) => [e.name, e.values])),
      indexes: indexes.rows.map((i) => ({ ...i, hasExpressions: i.has_expressions })),
      foreignKeys: foreignKeys.rows.map((f) => ({
        table: f.table,
        name: f.name,
        columns: f.columns,
        referencedTable: f.referenced_table,
        referencedColumns: f.referenced_columns,
        onDelete: REFERENTIAL_ACTIONS[f.on_delete] ?? f.on_delete,
        onUpdate: REFERENTIAL_ACTIONS[f.on_update] ?? f.on_update,
      })),
    };
  } finally {
    await client.end();
  }
}

/** pg_constraint's one-letter codes, in Prisma's words. */
const REFERENTIAL_ACTIONS: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };

// The comparison ---------------------------------------------------------------------------------------

function compareEnums(expected: Expected, actual: Actual): string[] {
  const drift: string[] = [];
  for (const [name, values] of expected.enums) {
    const found = actual.enums.get(name);
    if (!found) drift.push(`Enum "${name}" is missing from the database.`);
    else if (found.join() !== values.join()) drift.push(`Enum "${name}": the schema has values (${values.join(", ")}), the database has (${found.join(", ")}).`);
  }
  for (const name of actual.enums.keys()) {
    if (!expected.enums.has(name)) drift.push(`Enum "${name}" is in the database but not in the schema.`);
  }
  return drift;
}

function compareTables(expected: Expected, actual: Actual): string[] {
  const drift: string[] = [];
  for (const [table, columns] of expected.tables) {
    const found = actual.tables.get(table);
    if (!found) {
      drift.push(`Table "${table}" is missing from the database.`);
      continue;
    }
    if (!columns) continue;
    for (const column of columns) {
      const actualColumn = found.get(column.name);
      const where = `Column "${table}"."${column.name}"`;
      if (!actualColumn) {
        drift.push(`${where} is missing from the database.`);
        continue;
      }
      if (column.type !== null && column.type !== actualColumn.type) drift.push(`${where}: the schema says ${column.type}, the database has ${actualColumn.type}.`);
      if (column.notNull !== actualColumn.notNull) {
        drift.push(`${where}: the schema says ${column.notNull ? "NOT NULL (required)" : "nullable (optional)"}, the database has it ${actualColumn.notNull ? "NOT NULL" : "nullable"}.`);
      }
    }
    for (const name of found.keys()) {
      if (!columns.some((c) => c.name === name)) drift.push(`Column "${table}"."${name}" is in the database but not in the schema.`);
    }
  }
  for (const table of actual.tables.keys()) {
    if (table !== MIGRATIONS_TABLE && !expected.tables.has(table)) drift.push(`Table "${table}" is in the database but not in the schema.`);
  }
  return drift;
}

function describeIndex(index: ExpectedIndex): string {
  const kind = index.primary ? "Primary key" : index.unique ? "Unique index" : "Index";
  return `${kind} "${index.name}" on "${index.table}" (${index.columns.join(", ")})`;
}

function compareIndexes(expected: Expected, actual: Actual): string[] {
  const drift: string[] = [];
  const checkedTables = new Set([...expected.tables.entries()].filter(([, columns]) => columns !== null).map(([table]) => table));
  for (const index of expected.indexes) {
    const found = actual.indexes.find((i) => i.table === index.table && i.name === index.name);
    if (!found) {
      drift.push(`${describeIndex(index)} is missing from the database.`);
      continue;
    }
    const problems: string[] = [];
    if (found.hasExpressions || found.partial) problems.push("the database index uses expressions or a WHERE clause");
    if (found.columns.join() !== index.columns.join()) problems.push(`the database index is on (${found.columns.join(", ")})`);
    if (found.primary !== index.primary || found.unique !== index.unique) {
      problems.push(`the database index is ${found.primary ? "a primary key" : found.unique ? "unique" : "not unique"}`);
    }
    if (found.descending.join() !== index.descending.join()) problems.push("the sort order differs");
    if (found.method !== index.method) problems.push(`the schema says ${index.method}, the database uses ${found.method}`);
    if (problems.length > 0) drift.push(`${describeIndex(index)}: ${problems.join("; ")}.`);
  }
  for (const index of actual.indexes) {
    if (!checkedTables.has(index.table)) continue;
    // schema.prisma cannot describe a WHERE clause, so partial indexes live only in the migrations.
    if (index.partial) continue;
    if (!expected.indexes.some((i) => i.table === index.table && i.name === index.name)) drift.push(`${describeIndex(index)} is in the database but not in the schema.`);
  }
  return drift;
}

function describeForeignKey(fk: ExpectedForeignKey): string {
  return `Foreign key "${fk.name}" on "${fk.table}" (${fk.columns.join(", ")})`;
}

function compareForeignKeys(expected: Expected, actual: Actual): string[] {
  const drift: string[] = [];
  for (const fk of expected.foreignKeys) {
    const found = actual.foreignKeys.find((f) => f.table === fk.table && f.name === fk.name);
    if (!found) {
      drift.push(`${describeForeignKey(fk)} referencing "${fk.referencedTable}" is missing from the database.`);
      continue;
    }
    const problems: string[] = [];
    if (found.columns.join() !== fk.columns.join()) problems.push(`the database key is on (${found.columns.join(", ")})`);
    if (found.referencedTable !== fk.referencedTable || found.referencedColumns.join() !== fk.referencedColumns.join()) {
      problems.push(`the schema references "${fk.referencedTable}" (${fk.referencedColumns.join(", ")}), the database "${found.referencedTable}" (${found.referencedColumns.join(", ")})`);
    }
    if (found.onDelete !== fk.onDelete) problems.push(`the schema says ON DELETE ${fk.onDelete}, the database ${found.onDelete}`);
    if (found.onUpdate !== fk.onUpdate) problems.push(`the schema says ON UPDATE ${fk.onUpdate}, the database ${found.onUpdate}`);
    if (problems.length > 0) drift.push(`${describeForeignKey(fk)}: ${problems.join("; ")}.`);
  }
  for (const fk of actual.foreignKeys) {
    if (fk.table === MIGRATIONS_TABLE || fk.table.startsWith("_")) continue;
    if (!expected.foreignKeys.some((f) => f.table === fk.table && f.name === fk.name)) drift.push(`${describeForeignKey(fk)} is in the database but not in the schema.`);
  }
  return drift;
}
