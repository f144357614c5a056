// Rule evaluation: JSONata expressions over the gathered facts → issue (stated facts) | refuse | refer.
// Pure: no I/O; compiled once when the catalogue loads.
import jsonata from 'jsonata';
import type { Bilingual, CertificateType } from './certificate-type.schema.ts';

/** What a rule reads: the holder, the request, each source's records, and today. */
export interface RuleInput {
  today: string;
  holder: { id: string; gender: 'M' | 'F'; birthDate: string };
  request: {
    purpose: string;
    relation: string | null;
    kinship: string | null;
    relatedId: string | null;
    /** A document number the applicant gives, e.g. a birth certificate number. */
    reference: string | null;
  };
  sources: Record<string, unknown[]>;
  related: { id: string; sources: Record<string, unknown[]> } | null;
}

/** The outcome of a rule. */
export type RuleOutcome =
  | { outcome: 'issue'; statement: Record<string, string> }
  | { outcome: 'refuse' | 'refer'; reason: Bilingual };

/** A type's rule, compiled. */
export interface CompiledRule {
  evaluate(input: RuleInput): Promise<RuleOutcome>;
}

type Expr = ReturnType<typeof jsonata>;

/** Compiles every expression of a type; throws naming the path of the first bad expression. */
export function compileRule(type: CertificateType): CompiledRule {
  const compile = (expr: string, where: string): Expr => {
    try {
      const compiled = jsonata(expr);
      compiled.registerFunction('zhDate', zhDate, '<s-:s>');
      return compiled;
    } catch (e) {
      throw new Error(`${where}: ${(e as { message?: string }).message ?? 'bad expression'}`);
    }
  };
  const decisions = type.rule.decisions.map((d, i) => ({
    ...d,
    expr: compile(d.when, `rule.decisions.${i}.when`),
  }));
  const statement = Object.entries(type.rule.statement).map(
    ([name, expr]) => [name, compile(expr, `rule.statement.${name}`)] as const,
  );
  return {
    async evaluate(input) {
      for (const d of decisions) {
        if ((await d.expr.evaluate(input)) === true) return { outcome: d.outcome, reason: d.reason };
      }
      const facts: Record<string, string> = {};
      for (const [name, expr] of statement) {
        const value: unknown = await expr.evaluate(input);
        if (value === undefined || value === null || typeof value === 'object') {
          throw new Error(`rule.statement.${name} gave no value`);
        }
        facts[name] = String(value);
      }
      return { outcome: 'issue', statement: facts };
    },
  };
}

/** Fills {{name}} placeholders; a missing value is an error, never an empty gap in an official text. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g, (_m, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`template value ${name} missing`);
    return v;
  });
}

/** 2026-12-03 → 2026年12月3日 (the date style of Chinese official documents). */
export function zhDate(iso: string | undefined): string | undefined {
  if (typeof iso !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : undefined;
}
