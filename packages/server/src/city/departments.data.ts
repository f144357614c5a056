// 部门: the 22 departments of the model city and the police stations (派出所) of its 8 areas.
// USCCs start with 11 (机关, government organ); the organisation bodies are synthetic but valid.
import { makeUscc } from '@certcloud/core';
import type { DepartmentRow, JurisdictionRow } from '../db/schema.ts';
import { AREAS, stationCode } from './areas.data.ts';

/** What a department is, in the words other modules look it up by. */
export type DepartmentKind =
  | 'platform-operator'
  | 'public-security'
  | 'police-station'
  | 'civil-affairs'
  | 'health'
  | 'hrss'
  | 'natural-resources'
  | 'court'
  | 'education'
  | 'medical-security'
  | 'housing-fund'
  | 'tax'
  | 'veterans-affairs'
  | 'disabled-persons'
  | 'market-regulation'
  | 'justice'
  | 'housing-construction'
  | 'transport'
  | 'agriculture'
  | 'statistics'
  | 'archives'
  | 'finance'
  | 'emergency-management';

/** A department with its jurisdiction (police stations only). */
export interface Department extends DepartmentRow {
  kind: DepartmentKind;
  /** Towns and streets (乡镇街道) a police station covers; empty for other departments. */
  jurisdiction: readonly string[];
}

const CITY_AREA = '441400'; // 梅州市 itself
const WEEKDAYS = '周一至周五 8:30-12:00, 14:30-17:30';
const STATION_HOURS = '周一至周日 8:30-12:00, 14:30-17:30（户籍窗口）';

// [code, kind, name, name_en, address (after 广东省梅州市), phone]
const CITY_DEPARTMENTS: [string, DepartmentKind, string, string, string, string][] = [
  [
    'MZ-ZSJ',
    'platform-operator',
    '梅州市政务服务数据管理局',
    'Meizhou Government Services and Data Administration',
    '梅江区江南新中路128号市民服务中心',
    '0753-2186012',
  ],
  [
    'MZ-GA',
    'public-security',
    '梅州市公安局',
    'Meizhou Public Security Bureau',
    '梅江区彬芳大道中68号',
    '0753-2206110',
  ],
  [
    'MZ-MZ',
    'civil-affairs',
    '梅州市民政局',
    'Meizhou Civil Affairs Bureau',
    '梅江区嘉应中路22号',
    '0753-2242316',
  ],
  ['MZ-WJ', 'health', '梅州市卫生健康局', 'Meizhou Health Commission', '梅江区梅州大道1号', '0753-2251307'],
  [
    'MZ-RS',
    'hrss',
    '梅州市人力资源和社会保障局',
    'Meizhou Human Resources and Social Security Bureau',
    '梅江区江南新中路66号',
    '0753-12333',
  ],
  [
    'MZ-ZR',
    'natural-resources',
    '梅州市自然资源局（梅州市不动产登记中心）',
    'Meizhou Natural Resources Bureau (Real Estate Registration Centre)',
    '梅江区梅水路3号',
    '0753-2233286',
  ],
  [
    'MZ-FY',
    'court',
    '梅州市中级人民法院',
    'Meizhou Intermediate People’s Court',
    '梅江区彬芳大道北88号',
    '0753-2177012',
  ],
  ['MZ-JY', 'education', '梅州市教育局', 'Meizhou Education Bureau', '梅江区江北金山顶街1号', '0753-2183316'],
  [
    'MZ-YB',
    'medical-security',
    '梅州市医疗保障局',
    'Meizhou Medical Security Bureau',
    '梅江区三角镇客都大道98号',
    '0753-2119862',
  ],
  [
    'MZ-GJJ',
    'housing-fund',
    '梅州市住房公积金管理中心',
    'Meizhou Housing Provident Fund Centre',
    '梅江区梅江二路6号',
    '0753-12329',
  ],
  [
    'MZ-SW',
    'tax',
    '国家税务总局梅州市税务局',
    'Meizhou Tax Service, State Taxation Administration',
    '梅江区梅江一路8号',
    '0753-12366',
  ],
  [
    'MZ-TY',
    'veterans-affairs',
    '梅州市退役军人事务局',
    'Meizhou Veterans Affairs Bureau',
    '梅江区华南大道19号',
    '0753-2185629',
  ],
  [
    'MZ-CL',
    'disabled-persons',
    '梅州市残疾人联合会',
    'Meizhou Disabled Persons’ Federation',
    '梅江区江南宪梓南路20号',
    '0753-2262301',
  ],
  [
    'MZ-SJ',
    'market-regulation',
    '梅州市市场监督管理局',
    'Meizhou Market Supervision Administration',
    '梅江区梅江三路16号',
    '0753-2266315',
  ],
  ['MZ-SF', 'justice', '梅州市司法局', 'Meizhou Justice Bureau', '梅江区彬芳大道中28号', '0753-2242148'],
  [
    'MZ-ZJ',
    'housing-construction',
    '梅州市住房和城乡建设局',
    'Meizhou Housing and Urban-Rural Development Bureau',
    '梅江区梅水路12号',
    '0753-2242735',
  ],
  [
    'MZ-JT',
    'transport',
    '梅州市交通运输局',
    'Meizhou Transport Bureau',
    '梅江区梅州大道38号',
    '0753-2232168',
  ],
  [
    'MZ-NY',
    'agriculture',
    '梅州市农业农村局',
    'Meizhou Agriculture and Rural Affairs Bureau',
    '梅江区江北东山大道29号',
    '0753-2242540',
  ],
  ['MZ-TJ', 'statistics', '梅州市统计局', 'Meizhou Statistics Bureau', '梅江区新中路8号', '0753-2181325'],
  ['MZ-DA', 'archives', '梅州市档案馆', 'Meizhou Archives', '梅江区剑英大道香港花园旁', '0753-2252671'],
  ['MZ-CZ', 'finance', '梅州市财政局', 'Meizhou Finance Bureau', '梅江区梅江一路16号', '0753-2246213'],
  [
    'MZ-YJ',
    'emergency-management',
    '梅州市应急管理局',
    'Meizhou Emergency Management Bureau',
    '梅江区东升路9号',
    '0753-2281705',
  ],
];

/** A valid 机关 USCC whose organisation body is derived from a running number (synthetic, stable). */
function organUscc(areaCode: string, n: number): string {
  return makeUscc('11', areaCode, `00${String(718000 + n * 37).padStart(6, '0')}`);
}

function build(): Department[] {
  const list: Department[] = CITY_DEPARTMENTS.map(([code, kind, name, nameEn, address, phone], i) => ({
    code,
    kind,
    parent_code: null,
    name,
    name_en: nameEn,
    uscc: organUscc(CITY_AREA, i + 1),
    area_code: CITY_AREA,
    address: `广东省梅州市${address}`,
    phone,
    office_hours: WEEKDAYS,
    jurisdiction: [],
  }));
  let n = 100;
  for (const [ai, area] of AREAS.entries()) {
    for (const [si, st] of area.stations.entries()) {
      const town = st.towns[0]!;
      list.push({
        code: stationCode(area.code, st.nn),
        kind: 'police-station',
        parent_code: 'MZ-GA',
        name: `${area.policeBureau}${st.name}`,
        name_en: `${st.nameEn}, ${area.nameEn}, Meizhou Public Security Bureau`,
        uscc: organUscc(area.code, n++),
        area_code: area.code,
        address: `${area.addressPrefix}${town}${town.endsWith('街道') ? '中山路' : '圩镇'}${12 + si * 7}号`,
        phone: `0753-${String(2300000 + ai * 100000 + 11000 + si * 1110 + 110).slice(0, 7)}`,
        office_hours: STATION_HOURS,
        jurisdiction: st.towns,
      });
    }
  }
  return list;
}

/** Every department: the 22 city departments followed by the police stations, area by area. */
export const DEPARTMENTS: readonly Department[] = build();

/** The city departments only (the 22). */
export const CITY_DEPARTMENT_CODES: readonly string[] = CITY_DEPARTMENTS.map((d) => d[0]);

/** The first department of a kind (for `police-station` use `stationsOfArea`); throws if none. */
export function departmentByKind(kind: DepartmentKind): Department {
  const d = DEPARTMENTS.find((x) => x.kind === kind);
  if (!d) throw new RangeError(`no department of kind ${kind}`);
  return d;
}

/** The department with this code, or undefined. */
export function departmentByCode(code: string): Department | undefined {
  return DEPARTMENTS.find((d) => d.code === code);
}

/** The police stations of an area. */
export function stationsOfArea(areaCode: string): Department[] {
  return DEPARTMENTS.filter((d) => d.kind === 'police-station' && d.area_code === areaCode);
}

/** The police station whose jurisdiction holds `town` in `areaCode`, or undefined. */
export function stationForTown(areaCode: string, town: string): Department | undefined {
  return stationsOfArea(areaCode).find((d) => d.jurisdiction.includes(town));
}

/** Rows for the `departments` table (without the jurisdiction list). */
export function departmentRows(): DepartmentRow[] {
  return DEPARTMENTS.map(({ jurisdiction: _j, ...row }) => row);
}

/** Rows for the `jurisdictions` table. */
export function jurisdictionRows(): JurisdictionRow[] {
  return DEPARTMENTS.flatMap((d) =>
    d.jurisdiction.map((town) => ({ station_code: d.code, area_code: d.area_code, town })),
  );
}
