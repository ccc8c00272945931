import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError } from './api';

afterEach(() => vi.unstubAllGlobals());

const answer = (status: number, text: string) => vi.stubGlobal('fetch', vi.fn(async () => new Response(text, { status, headers: { 'content-type': 'application/json; charset=utf-8' } })));

describe('api.text: a file to save, as the service sent it', () => {
  it('keeps a JSON answer as its text (an exported checkpoint is saved byte for byte)', async () => {
    answer(200, '{"root":"ab","leaves":[]}');
    expect(await api.text('audit', '/audit/checkpoints', { format: 'json' }, 'application/json')).toBe('{"root":"ab","leaves":[]}');
  });
  it("still reads the service's message from a refusal", async () => {
    answer(400, '{"statusCode":400,"message":"date must be a date"}');
    await expect(api.text('audit', '/audit/checkpoints', {}, 'application/json')).rejects.toEqual(new ApiError(400, 'date must be a date'));
  });
  it('parses JSON for ordinary reads', async () => {
    answer(200, '{"a":1}');
    expect(await api.get('audit', '/x')).toEqual({ a: 1 });
  });
});
