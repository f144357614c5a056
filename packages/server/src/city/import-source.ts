// `certcloud import <source> <file>`: a department's CSV or JSON file into a source table. Every row is
// checked against the table's description first; one bad row rejects the whole file and nothing is
// written. A good file is upserted by primary key in one transaction.
import fs from 'node:fs';
import path from 'node:path';
import { AppError, isCalendarDate, validateResidentId, validateUscc } from '@certcloud/core';
import { parse } from 'csv-parse/sync';
import type { Store } from '../db/connection.ts';
import { type ColumnDef, SOURCE_TABLES, type SourceTable, sourceTable } from './source-tables.ts';

/** One problem in an import file: the 1-based file line (CSV header = line 1), the column, a reason code. */
export interface ImportProblem {
  line: number;
  column: string | null;
  reason: string;
}

/** The outcome of a successful import. */
export interface ImportResult {
  source: string;
  rows: number;
}

const MAX_REPORTED = 1000;
const CHUNK = 500;

type RawRow = { line: number; values: Record<string, unknown> };

/** Validates and upserts `file` (.csv with a header row, or .json holding an array of objects). */
export async function importSourceFile(store: Store, source: string, file: string): Promise<ImportResult> {
  const table = sourceTable(source);
  if (!table) {
    throw new AppError('VALIDATION_FAILED', {
      details: { source, known: SOURCE_TABLES.map((t) => t.name.replace(/^src_/, '')) },
      message: `Unknown source "${source}"`,
    });
  }
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.csv' && ext !== '.json') {
    throw new AppError('VALIDATION_FAILED', {
      details: { file, reason: 'the file must end in .csv or .json' },
    });
  }
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const problems: ImportProblem[] = [];
  const raw = ext === '.csv' ? readCsv(text, table, problems) : readJson(text, problems);
  const rows = checkRows(raw, table, problems, ext === '.json');
  if (problems.length) {
    throw new AppError('IMPORT_REJECTED', {
      details: {
        source: table.name,
        errorCount: problems.length,
        errors: problems.slice(0, MAX_REPORTED),
      },
    });
  }
  const keys = table.key;
  const others = table.columns.map((c) => c.name).filter((c) => !keys.includes(c));
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      // biome-ignore lint/suspicious/noExplicitAny: the table is one of the fixed source tables
      await (trx as any)
        .insertInto(table.name)
        .values(rows.slice(i, i + CHUNK))
        // biome-ignore lint/suspicious/noExplicitAny: dynamic column names of that table
        .onConflict((oc: any) =>
          oc
            .columns(keys)
            // biome-ignore lint/suspicious/noExplicitAny: as above
            .doUpdateSet((eb: any) => Object.fromEntries(others.map((c) => [c, eb.ref(`excluded.${c}`)]))),
        )
        .execute();
    }
  });
  return { source: table.name, rows: rows.length };
}

function readCsv(text: string, table: SourceTable, problems: ImportProblem[]): RawRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
  } catch (e) {
    const line = typeof (e as { lines?: unknown }).lines === 'number' ? (e as { lines: number }).lines : 1;
    problems.push({ line, column: null, reason: 'CSV_SYNTAX' });
    return [];
  }
  const header = records[0]?.record;
  if (!header) {
    problems.push({ line: 1, column: null, reason: 'EMPTY_FILE' });
    return [];
  }
  const known = new Set(table.columns.map((c) => c.name));
  for (const h of header) if (!known.has(h)) problems.push({ line: 1, column: h, reason: 'UNKNOWN_COLUMN' });
  for (const c of table.columns)
    if (c.required && !header.includes(c.name))
      problems.push({ line: 1, column: c.name, reason: 'MISSING_COLUMN' });
  const rows: RawRow[] = [];
  for (const { record, info } of records.slice(1)) {
    if (record.length !== header.length) {
      problems.push({ line: info.lines, column: null, reason: 'WRONG_FIELD_COUNT' });
      continue;
    }
    rows.push({ line: info.lines, values: Object.fromEntries(header.map((h, i) => [h, record[i]])) });
  }
  return rows;
}

function readJson(text: string, problems: ImportProblem[]): RawRow[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : 1;
    problems.push({ line, column: null, reason: 'JSON_SYNTAX' });
    return [];
  }
  if (!Array.isArray(data)) {
    problems.push({ line: 1, column: null, reason: 'NOT_AN_ARRAY' });
    return [];
  }
  const lines = objectLines(text);
  const rows: RawRow[] = [];
  data.forEach((item, i) => {
    const line = lines[i] ?? 1;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      problems.push({ line, column: null, reason: 'NOT_AN_OBJECT' });
    } else {
      rows.push({ line, values: item as Record<string, unknown> });
    }
  });
  return rows;
}

/** The line on which each element of a top-level JSON array starts. */
function objectLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectElement && !/\s/.test(ch) && ch !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 1) expectElement = true;
  }
  return lines;
}

function checkRows(
  raw: RawRow[],
  table: SourceTable,
  problems: ImportProblem[],
  checkKeys: boolean,
): Record<string, unknown>[] {
  const known = new Set(table.columns.map((c) => c.name));
  const seen = new Map<string, number>();
  const rows: Record<string, unknown>[] = [];
  for (const { line, values } of raw) {
    const row: Record<string, unknown> = {};
    let ok = true;
    for (const name of checkKeys ? Object.keys(values) : []) {
      if (!known.has(name)) {
        problems.push({ line, column: name, reason: 'UNKNOWN_COLUMN' });
        ok = false;
      }
    }
    for (const col of table.columns) {
      const result = checkValue(col, values[col.name]);
      if ('problem' in result) {
        problems.push({ line, column: col.name, reason: result.problem });
        ok = false;
      } else {
        row[col.name] = result.value;
      }
    }
    if (!ok) continue;
    const key = table.key.map((k) => String(row[k])).join('\u0000');
    if (seen.has(key)) {
      problems.push({
        line,
        column: table.key.join(','),
        reason: `DUPLICATE_KEY (line ${String(seen.get(key))})`,
      });
      continue;
    }
    seen.set(key, line);
    rows.push(row);
  }
  return rows;
}

/** The stored value of one cell, or the reason it is wrong. */
function checkValue(col: ColumnDef, input: unknown): { value: unknown } | { problem: string } {
  const v = typeof input === 'string' ? input.trim() : input;
  if (v === undefined || v === null || v === '')
    return col.required ? { problem: 'REQUIRED' } : { value: null };
  if (col.type === 'integer' || col.type === 'real') {
    const n =
      typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
    if (!Number.isFinite(n)) return { problem: 'NOT_A_NUMBER' };
    if (col.type === 'integer' && !Number.isInteger(n)) return { problem: 'NOT_AN_INTEGER' };
    return { value: n };
  }
  if (typeof v !== 'string') return { problem: 'NOT_TEXT' };
  if (col.oneOf && !col.oneOf.includes(v)) return { problem: `NOT_ONE_OF ${col.oneOf.join('|')}` };
  switch (col.type) {
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      return m && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))
        ? { value: v }
        : { problem: 'BAD_DATE' };
    }
    case 'resident-id': {
      const r = validateResidentId(v);
      return r.ok ? { value: r.id } : { problem: r.error };
    }
    case 'uscc': {
      const r = validateUscc(v);
      return r.ok ? { value: r.code } : { problem: r.error };
    }
    case 'area-code':
      return /^\d{6}$/.test(v) ? { value: v } : { problem: 'BAD_AREA_CODE' };
    default:
      return { value: v };
  }
}
