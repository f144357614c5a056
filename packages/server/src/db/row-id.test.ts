import { describe, expect, it } from 'vitest';
import { newRowId } from './row-id.ts';

describe('newRowId', () => {
  it('is a version-7 UUID carrying its creation time', () => {
    const at = Date.UTC(2026, 11, 3, 10, 0, 0, 123);
    const id = newRowId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts later ids after earlier ones and never repeats', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => newRowId(1_700_000_000_000 + Math.floor(i / 100)));
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 100; i < ids.length; i += 100) expect(ids[i]! > ids[i - 1]!).toBe(true);
  });
});
