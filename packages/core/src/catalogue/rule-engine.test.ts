import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { certificateTypeSchema } from './certificate-type.schema.ts';
import { compileRule, fillTemplate, type RuleInput } from './rule-engine.ts';

const TYPES_DIR = fileURLToPath(new URL('../../../../catalogue/types', import.meta.url));
const load = (code: string) =>
  certificateTypeSchema.parse(JSON.parse(fs.readFileSync(path.join(TYPES_DIR, `${code}.json`), 'utf8')));

const ME = '441402199001011234';
const WIFE = '441402199203034528';
const household = (over: Record<string, unknown> = {}) => ({
  id_number: ME,
  name: '李志强',
  gender: 'M',
  birth_date: '1990-01-01',
  ethnicity: '汉族',
  address: '广东省梅州市梅江区江南街道中山路12号',
  household_no: 'H1',
  relation_to_head: '户主',
  status: 'registered',
  dereg_reason: null,
  dereg_date: null,
  ...over,
});
const input = (
  sources: Record<string, unknown[]>,
  request: Partial<RuleInput['request']> = {},
): RuleInput => ({
  today: '2026-12-03',
  holder: { id: ME, gender: 'M', birthDate: '1990-01-01' },
  request: { purpose: '就业', relation: null, kinship: null, relatedId: null, reference: null, ...request },
  sources,
  related: null,
});

describe('the catalogue rules', () => {
  it('every type in catalogue/types parses and compiles', () => {
    const files = fs.readdirSync(TYPES_DIR).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(9);
    for (const f of files)
      compileRule(certificateTypeSchema.parse(JSON.parse(fs.readFileSync(path.join(TYPES_DIR, f), 'utf8'))));
  });

  it('no-criminal-record: issues a clean record, refers a wanted person without saying why', async () => {
    const rule = compileRule(load('no-criminal-record'));
    const clean = { household: [household()], 'criminal-record': [], wanted: [], 'drug-control': [] };
    const issued = await rule.evaluate(input(clean));
    expect(issued).toEqual({
      outcome: 'issue',
      statement: {
        name: '李志强',
        gender: '男',
        idNumber: ME,
        address: '广东省梅州市梅江区江南街道中山路12号',
      },
    });
    const wanted = await rule.evaluate(input({ ...clean, wanted: [{ record_no: 'W1' }] }));
    expect(wanted.outcome).toBe('refer');
    expect(JSON.stringify(wanted)).not.toMatch(/在逃|wanted/i);
    expect((await rule.evaluate(input({ ...clean, household: [] }))).outcome).toBe('refuse');
  });

  it('survival: a death certificate refuses even while the register still says registered', async () => {
    const rule = compileRule(load('survival'));
    const alive = await rule.evaluate(
      input({ household: [household()], 'death-certificate': [], cremation: [] }),
    );
    expect(alive).toMatchObject({ outcome: 'issue', statement: { asOfDate: '2026年12月3日' } });
    const dead = await rule.evaluate(
      input({ household: [household()], 'death-certificate': [{ death_date: '2026-12-02' }], cremation: [] }),
    );
    expect(dead.outcome).toBe('refuse');
  });

  it('marital-status: the latest registration decides (divorced and remarried → married)', async () => {
    const rule = compileRule(load('marital-status'));
    const marriage = [
      { kind: 'marriage', party_a: ME, party_b: 'X', reg_date: '2012-05-01' },
      { kind: 'divorce', party_a: ME, party_b: 'X', reg_date: '2016-08-09' },
      { kind: 'marriage', party_a: ME, party_b: WIFE, reg_date: '2019-10-01' },
    ];
    const r = await rule.evaluate(input({ household: [household()], marriage }));
    expect(r).toMatchObject({
      outcome: 'issue',
      statement: { status: '已婚', lastRegistration: '2019年10月1日登记结婚' },
    });
    const single = await rule.evaluate(input({ household: [household()], marriage: [] }));
    expect(single).toMatchObject({ statement: { status: '未婚' } });
  });

  it('kinship: a spouse proven by the latest marriage; an unproven relation is referred', async () => {
    const rule = compileRule(load('kinship'));
    const sources = {
      household: [household()],
      'birth-certificate': [],
      marriage: [{ kind: 'marriage', party_a: ME, party_b: WIFE, reg_date: '2019-10-01' }],
    };
    const related = {
      id: WIFE,
      sources: { household: [household({ id_number: WIFE, name: '陈美玲', gender: 'F' })] },
    };
    const r = await rule.evaluate({ ...input(sources, { kinship: 'spouse', relatedId: WIFE }), related });
    expect(r).toMatchObject({ outcome: 'issue', statement: { relationText: '妻子', relatedName: '陈美玲' } });
    const child = await rule.evaluate({ ...input(sources, { kinship: 'child', relatedId: WIFE }), related });
    expect(child.outcome).toBe('refer');
  });

  it('fills a wording template and refuses to leave a gap', () => {
    expect(fillTemplate('兹证明{{name}}。', { name: '𠀾明' })).toBe('兹证明𠀾明。');
    expect(() => fillTemplate('兹证明{{name}}{{x}}。', { name: 'a' })).toThrow(/x missing/);
  });
});
