import { validateUscc } from '@certcloud/core';
import { describe, expect, it } from 'vitest';
import { AREAS } from './areas.data.ts';
import {
  CITY_DEPARTMENT_CODES,
  DEPARTMENTS,
  departmentByKind,
  stationForTown,
  stationsOfArea,
} from './departments.data.ts';

describe('the model city departments', () => {
  it('has 22 city departments and 2–4 police stations in each of the 8 areas', () => {
    expect(CITY_DEPARTMENT_CODES).toHaveLength(22);
    expect(AREAS.map((a) => a.code)).toEqual([
      '441402',
      '441403',
      '441422',
      '441423',
      '441424',
      '441426',
      '441427',
      '441481',
    ]);
    for (const a of AREAS) {
      const stations = stationsOfArea(a.code);
      expect(stations.length).toBeGreaterThanOrEqual(2);
      expect(stations.length).toBeLessThanOrEqual(4);
      expect(stations.every((s) => s.parent_code === 'MZ-GA')).toBe(true);
    }
  });

  it('gives every department a unique code, a valid 机关 USCC, a 0753 phone number and office hours', () => {
    expect(new Set(DEPARTMENTS.map((d) => d.code)).size).toBe(DEPARTMENTS.length);
    expect(new Set(DEPARTMENTS.map((d) => d.uscc)).size).toBe(DEPARTMENTS.length);
    for (const d of DEPARTMENTS) {
      expect(validateUscc(d.uscc)).toMatchObject({ ok: true });
      expect(d.uscc.startsWith('11')).toBe(true);
      expect(d.phone).toMatch(/^0753-\d{5,7}$/);
      expect(d.address.startsWith('广东省梅州市')).toBe(true);
      expect(d.office_hours).toMatch(/8:30-12:00/);
    }
  });

  it('finds departments by kind and the police station of every town', () => {
    expect(departmentByKind('civil-affairs').name).toBe('梅州市民政局');
    expect(departmentByKind('public-security').code).toBe('MZ-GA');
    expect(departmentByKind('platform-operator').name).toBe('梅州市政务服务数据管理局');
    for (const a of AREAS)
      for (const st of a.stations)
        for (const town of st.towns) expect(stationForTown(a.code, town)).toBeDefined();
    expect(stationForTown('441402', '金山街道')?.name).toBe('梅州市公安局梅江分局金山派出所');
  });
});
