/** The two SQL dialects the stores speak. */
export type Dialect = 'sqlite' | 'postgres';

/** A piece of SQL that the two dialects write differently; said once, where the statement needs it. */
export interface DialectText {
  readonly sqlite: string;
  readonly postgres: string;
}

/** A statement's parameters by name, as its `@name` placeholders call them. */
export type Params = Readonly<Record<string, unknown>>;

/**
 * One SQL statement, written once with named parameters (`@name`) and dialect pieces. `only` marks a
 * statement that one dialect alone needs (the other has nothing to run for it).
 */
export interface Sql {
  readonly pieces: readonly (string | DialectText)[];
  readonly only?: Dialect;
}

/** A multi-row INSERT: SQLite runs its one-row form once a row, PostgreSQL one statement for all the rows. */
export interface RowInsert<R = Params> {
  readonly table: string;
  readonly columns: readonly (keyof R & string)[];
}

/** A member of a row's JSON document (`doc`) by its dotted path (a literal of the catalog, never a parameter), as text. */
export function docMember(path: string): DialectText {
  return { sqlite: `json_extract(doc, '$.${path}')`, postgres: `(doc::jsonb #>> '{${path.replaceAll('.', ',')}}')` };
}

/** `sql\`SELECT ... ${dialectPiece} ...\``: the statement, with its dialect pieces in place. */
export function sql(strings: TemplateStringsArray, ...parts: readonly (DialectText | string | number)[]): Sql {
  const pieces: (string | DialectText)[] = [];
  strings.forEach((text, i) => {
    pieces.push(text);
    const part = parts[i];
    if (part !== undefined) pieces.push(typeof part === 'number' ? String(part) : part);
  });
  return { pieces };
}

/** A statement built at run time (the list filter), the same in both dialects. */
export function sqlText(text: string): Sql {
  return { pieces: [text] };
}

/** A statement that only one dialect runs. */
export function onlyIn(dialect: Dialect, statement: Sql): Sql {
  return { ...statement, only: dialect };
}

export function insertRows<R>(table: string, columns: readonly (keyof R & string)[]): RowInsert<R> {
  return { table, columns };
}

/** The statement's text in one dialect, named parameters kept (better-sqlite3 binds them itself); undefined when that dialect has nothing to run. */
export function textIn(statement: Sql, dialect: Dialect): string | undefined {
  if (statement.only !== undefined && statement.only !== dialect) return undefined;
  return statement.pieces.map((piece) => (typeof piece === 'string' ? piece : piece[dialect])).join('');
}

/** The one-row form of a multi-row INSERT, with named parameters. */
export function oneRowText(insert: RowInsert): string {
  return `INSERT INTO ${insert.table} (${insert.columns.join(', ')}) VALUES (${insert.columns.map((c) => `@${c}`).join(', ')})`;
}

/** A query as pg takes it: `$1..$n` placeholders and the names whose values go in those places. */
export interface PositionalQuery {
  readonly text: string;
  readonly names: readonly string[];
}

const NAMED = /'(?:[^']|'')*'|@([A-Za-z_][A-Za-z0-9_]*)/g;

/** Numbers the named parameters in their order of first use; a name used twice keeps its number. */
export function positional(text: string): PositionalQuery {
  const names: string[] = [];
  const numbered = text.replace(NAMED, (match, name: string | undefined) => {
    if (name === undefined) return match; // a quoted literal
    let index = names.indexOf(name);
    if (index < 0) index = names.push(name) - 1;
    return `$${index + 1}`;
  });
  return { text: numbered, names };
}

/** The values for a positional query, taken from named parameters; a missing one is a programming error. */
export function valuesOf(query: PositionalQuery, params: Params): unknown[] {
  return query.names.map((name) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`missing SQL parameter @${name}`);
    return value;
  });
}

/** PostgreSQL's multi-row INSERT: one statement, `$n` numbered row by row. */
export function multiRowQuery(insert: RowInsert, rows: readonly Params[]): { text: string; values: unknown[] } {
  const width = insert.columns.length;
  const tuples = rows.map((_, r) => `(${insert.columns.map((_c, c) => `$${r * width + c + 1}`).join(', ')})`);
  const values = rows.flatMap((row) => insert.columns.map((column) => (row[column] === undefined ? missing(column) : row[column])));
  return { text: `INSERT INTO ${insert.table} (${insert.columns.join(', ')}) VALUES ${tuples.join(', ')}`, values };
}

function missing(column: string): never {
  throw new TypeError(`missing SQL parameter @${column}`);
}
