import { describe, expect, it } from 'vitest';
import { en, vi } from './resources';

const keysOf = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v as object, `${prefix}${k}.`)));

describe('the console speaks Vietnamese first, English second', () => {
  it('has every key in both languages', () => expect(keysOf(en).sort()).toEqual(keysOf(vi).sort()));
  it('has no empty text', () => {
    for (const key of keysOf(vi)) expect(key.split('.').reduce<any>((o, k) => o[k], vi)).not.toBe('');
  });
});
