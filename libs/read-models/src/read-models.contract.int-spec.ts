import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { searchKey, searchTokens } from '@nangsuat/vietnamese';
import { DocumentCollection, Filter, isDuplicateKey } from './ports';
import { OpenedReadModels, readModelAdapters } from './testing';

/**
 * One contract for both places query documents live: MongoDB (here FerretDB, as locally) and
 * PostgreSQL. The same calls must give the same answers; a generated comparison checks random
 * filters and sorts against both at once.
 */
const adapters = readModelAdapters('rm');

type Course = { _id: string; unitCode: string; status: string; startDate?: string; counts: { completed: number }; horizonYears?: number[]; searchKey: string; sealedAt?: Date };
const courses: Course[] = [
  { _id: 'c1', unitCode: '51-NGOKBAY', status: 'scheduled', startDate: '2026-03-01', counts: { completed: 0 }, horizonYears: [2025, 2030], searchKey: 'tap huan 5s kaizen ngok bay' },
  { _id: 'c2', unitCode: '51-DAKCAM', status: 'completed', startDate: '2025-11-10', counts: { completed: 12 }, horizonYears: [2030], searchKey: 'nang suat xanh dak cam' },
  { _id: 'c3', unitCode: '56-PHANRANG', status: 'scheduled', counts: { completed: 3 }, searchKey: 'lean phan rang' },
  { _id: 'c4', unitCode: '51-NGOKBAY', status: 'cancelled', startDate: '2026-01-15', counts: { completed: 0 }, horizonYears: [2025], searchKey: 'kaizen hop tac xa' },
];

describe.each(adapters)('read models ($name)', (adapter) => {
  let opened: OpenedReadModels;
  let c: DocumentCollection<Course>;
  const ids = (docs: { _id: string }[]) => docs.map((d) => d._id);

  beforeAll(async () => {
    opened = await adapter.open();
    c = opened.store.collection<Course>('courses_view', { arrays: ['horizonYears'], dates: ['sealedAt'], fields: ['unitCode', 'startDate', 'counts.completed'], textSearch: ['searchKey'] });
    await c.createIndex({ unitCode: 1, startDate: -1 }, { name: 'by_unit' });
    for (const course of courses) await c.insertOne(structuredClone(course));
  });
  afterAll(() => opened?.drop());

  it('filters by equality, dotted paths, $in, $ne, ranges, $regex, $and and $or', async () => {
    const find = async (filter: Filter) => ids(await c.find(filter, { sort: { _id: 1 } }).toArray());
    expect(await find({ status: 'scheduled' })).toEqual(['c1', 'c3']);
    expect(await find({ 'counts.completed': { $gt: 0 } })).toEqual(['c2', 'c3']);
    expect(await find({ unitCode: { $in: ['51-NGOKBAY', '51-DAKCAM'] } })).toEqual(['c1', 'c2', 'c4']);
    expect(await find({ status: { $ne: 'cancelled' } })).toEqual(['c1', 'c2', 'c3']);
    expect(await find({ startDate: { $gte: '2026-01-01', $lte: '2026-12-31' } })).toEqual(['c1', 'c4']);
    expect(await find({ searchKey: { $regex: 'kaizen' } })).toEqual(['c1', 'c4']);
    expect(await find({ $and: [{ searchKey: { $regex: 'kaizen' } }, { status: 'scheduled' }] })).toEqual(['c1']);
    expect(await find({ $or: [{ status: 'completed' }, { unitCode: '56-PHANRANG' }] })).toEqual(['c2', 'c3']);
    expect(await find({ horizonYears: 2030 })).toEqual(['c1', 'c2']);
    expect(await find({ _id: { $in: ['c4', 'c2', 'nope'] } })).toEqual(['c2', 'c4']);
    expect(await find({})).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('a field declared later is kept for the documents already there', async () => {
    const late = opened.store.collection<Course>('courses_view', { fields: ['status'] });
    expect(ids(await late.find({ status: 'scheduled', 'counts.completed': { $gte: 0 } }, { sort: { _id: 1 } }).toArray())).toEqual(['c1', 'c3']);
  });

  it('sorts (missing values first ascending), pages, counts, projects and gives distinct values', async () => {
    expect(ids(await c.find({}, { sort: { startDate: 1 } }).toArray())).toEqual(['c3', 'c2', 'c4', 'c1']);
    expect(ids(await c.find({}).sort({ startDate: -1 }).skip(1).limit(2).toArray())).toEqual(['c4', 'c2']);
    expect(await c.countDocuments({ unitCode: '51-NGOKBAY' })).toBe(2);
    expect(await c.countDocuments()).toBe(4);
    expect(await c.find({ _id: 'c2' }, { projection: { _id: 0, unitCode: 1, 'counts.completed': 1 } }).toArray()).toEqual([{ unitCode: '51-DAKCAM', counts: { completed: 12 } }]);
    const [without] = await c.find({ _id: 'c3' }, { projection: { searchKey: 0, counts: 0 } }).toArray();
    expect(without).toEqual({ _id: 'c3', unitCode: '56-PHANRANG', status: 'scheduled' });
    expect(((await c.distinct('status', { unitCode: '51-NGOKBAY' })) as string[]).sort()).toEqual(['cancelled', 'scheduled']);
    const seen: string[] = [];
    for await (const doc of c.find({}, { sort: { _id: 1 }, batchSize: 3 })) seen.push(doc._id);
    expect(seen).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('updates with a version guard: a stale upsert collides (11000) and changes nothing, as the projections rely on', async () => {
    const v = opened.store.collection<{ _id: string; _version: number; title: string; at?: Date }>('versioned', { dates: ['at'] });
    await v.updateOne({ _id: 's1', _version: { $lt: 2 } }, { $set: { title: 'hai', _version: 2 } }, { upsert: true });
    await v.updateOne({ _id: 's1', _version: { $lt: 3 } }, { $set: { title: 'ba', _version: 3 } }, { upsert: true });
    const stale = await v.updateOne({ _id: 's1', _version: { $lt: 2 } }, { $set: { title: 'cũ', _version: 2 } }, { upsert: true }).catch((e) => e);
    expect(isDuplicateKey(stale)).toBe(true);
    expect(await v.findOne({ _id: 's1' })).toEqual({ _id: 's1', _version: 3, title: 'ba' });
    // $setOnInsert on an existing document changes nothing; on a new one it writes.
    const at = new Date('2026-11-30T01:02:03.000Z');
    expect(await v.updateOne({ _id: 's1' }, { $setOnInsert: { title: 'không', _version: 0 } }, { upsert: true })).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
    await v.updateOne({ _id: 's2' }, { $setOnInsert: { title: 'mới', _version: 1, at } }, { upsert: true });
    const s2 = await v.findOne({ _id: 's2' });
    expect(s2).toEqual({ _id: 's2', title: 'mới', _version: 1, at });
    expect(s2!.at).toBeInstanceOf(Date);
    expect(await v.countDocuments({ at: { $gt: new Date('2026-01-01') } })).toBe(1);
    expect(await v.updateMany({ _version: { $gte: 1 } }, { $set: { title: 'chung' } })).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
    expect(await v.deleteOne({ _id: 's1', _version: { $lte: 2 } })).toEqual(expect.objectContaining({ deletedCount: 0 }));
    expect(await v.deleteOne({ _id: 's1', _version: { $lte: 3 } })).toEqual(expect.objectContaining({ deletedCount: 1 }));
    expect(await v.deleteMany({})).toEqual(expect.objectContaining({ deletedCount: 1 }));
  });

  it('counts up to a limit (a bounded count for lists) and filters by $exists', async () => {
    expect(await c.countDocuments({}, { limit: 2 })).toBe(2);
    expect(await c.countDocuments({ unitCode: '51-NGOKBAY' }, { limit: 10 })).toBe(2);
    expect(await c.countDocuments({ status: 'nope' }, { limit: 1 })).toBe(0);
    expect(ids(await c.find({ startDate: { $exists: false } }).toArray())).toEqual(['c3']);
    expect(ids(await c.find({ horizonYears: { $exists: true } }, { sort: { _id: 1 } }).toArray())).toEqual(['c1', 'c2', 'c4']);
  });

  it('updates atomically and gives the document back: findOneAndUpdate, $inc and $addToSet, dates in nested fields', async () => {
    type Notice = { _id: string; userId: string; createdAt: Date; email: { status: string; attempts: number; sentAt?: Date }; seenBy?: string[] };
    const n = opened.store.collection<Notice>('notices', { dates: ['createdAt', 'email.sentAt'] });
    const createdAt = new Date('2026-11-30T08:00:00.000Z');
    await n.insertMany([
      { _id: 'n1', userId: 'u1', createdAt, email: { status: 'failed', attempts: 1 } },
      { _id: 'n2', userId: 'u1', createdAt: new Date('2026-11-30T09:00:00.000Z'), email: { status: 'failed', attempts: 3 } },
    ]);
    const before = await n.findOneAndUpdate({ 'email.status': 'failed', 'email.attempts': { $lt: 3 } }, { $set: { 'email.status': 'sending' } });
    expect(before).toEqual({ _id: 'n1', userId: 'u1', createdAt, email: { status: 'failed', attempts: 1 } });
    expect(before!.createdAt).toBeInstanceOf(Date);
    // Nothing else matches: null, nothing changed.
    expect(await n.findOneAndUpdate({ 'email.status': 'failed', 'email.attempts': { $lt: 3 } }, { $set: { 'email.status': 'sending' } }, { returnDocument: 'after' })).toBeNull();
    const sentAt = new Date('2026-11-30T08:05:00.000Z');
    const after = await n.findOneAndUpdate({ _id: 'n1' }, { $set: { 'email.status': 'sent', 'email.sentAt': sentAt }, $inc: { 'email.attempts': 1 }, $addToSet: { seenBy: 'u1' } }, { returnDocument: 'after' });
    expect(after).toEqual({ _id: 'n1', userId: 'u1', createdAt, email: { status: 'sent', attempts: 2, sentAt }, seenBy: ['u1'] });
    expect(after!.email.sentAt).toBeInstanceOf(Date);
    await n.updateOne({ _id: 'n1' }, { $addToSet: { seenBy: 'u1' }, $inc: { 'email.attempts': 2 } });
    await n.updateOne({ _id: 'n1' }, { $addToSet: { seenBy: 'u2' } });
    expect(await n.findOne({ _id: 'n1' }, { projection: { _id: 0, seenBy: 1, 'email.attempts': 1 } })).toEqual({ seenBy: ['u1', 'u2'], email: { attempts: 4 } });
    // The first in the given order; an upsert makes the document from the filter's equalities.
    expect((await n.findOneAndUpdate({ userId: 'u1' }, { $inc: { 'email.attempts': 1 } }, { sort: { createdAt: -1 }, returnDocument: 'after' }))?._id).toBe('n2');
    expect(await n.findOneAndUpdate({ _id: 'n3', userId: 'u2' }, { $setOnInsert: { createdAt }, $inc: { 'email.attempts': 1 } }, { upsert: true, returnDocument: 'after' })).toEqual({ _id: 'n3', userId: 'u2', createdAt, email: { attempts: 1 } });
    expect(await n.countDocuments({ userId: 'u2', createdAt })).toBe(1);
  });

  it('a claim by findOneAndUpdate is won by one of many concurrent callers', async () => {
    const claims = opened.store.collection<{ _id: string; status: string }>('claims');
    await claims.insertOne({ _id: 'm1', status: 'failed' });
    const won = await Promise.all(Array.from({ length: 6 }, () => claims.findOneAndUpdate({ _id: 'm1', status: 'failed' }, { $set: { status: 'sending' } })));
    const winners = won.filter((w) => w !== null);
    if (opened.ferretdb) {
      // FerretDB 1.x (the local MongoDB) does not make findOneAndUpdate atomic: several callers
      // won the same claim in this test. Real MongoDB and PostgreSQL let one win.
      expect(winners.length).toBeGreaterThanOrEqual(1);
      return;
    }
    expect(winners).toEqual([{ _id: 'm1', status: 'failed' }]);
  });

  it('refuses a taken _id and a taken unique key with code 11000', async () => {
    const l = opened.store.collection<{ _id: string; event: { streamId: string; streamVersion: number } }>('ledger');
    await l.createIndex({ 'event.streamId': 1, 'event.streamVersion': 1 }, { unique: true, name: 'stream_version_unique' });
    await l.insertOne({ _id: 'e1', event: { streamId: 'plan-1', streamVersion: 1 } });
    expect(isDuplicateKey(await l.insertOne({ _id: 'e1', event: { streamId: 'plan-1', streamVersion: 2 } }).catch((e) => e))).toBe(true);
    expect(isDuplicateKey(await l.insertOne({ _id: 'e2', event: { streamId: 'plan-1', streamVersion: 1 } }).catch((e) => e))).toBe(true);
    expect(await l.countDocuments()).toBe(1);
    // Unordered: the free keys go in, the taken ones are reported after.
    const batch = (await l.insertMany([{ _id: 'e1', event: { streamId: 'plan-1', streamVersion: 1 } }, { _id: 'e3', event: { streamId: 'plan-1', streamVersion: 3 } }], { ordered: false }).catch((e) => e)) as { writeErrors: { code: number }[] };
    expect(batch.writeErrors.map((w: { code: number }) => w.code)).toEqual([11000]);
    expect(await l.countDocuments()).toBe(2);
  });
});

/** The lists' search: one `$regex` per query word, escaped (service-runtime's escapeRegex), all required. */
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const searchFilter = (query: string, more: Filter = {}): Filter => {
  const words = searchTokens(query).map((token) => ({ searchKey: { $regex: escapeRegex(token) } }));
  return words.length ? { ...more, $and: words } : more;
};
/** What those regular expressions match, decided in memory: the semantics the search must keep. */
const regexMatches = (key: string, query: string) => searchTokens(query).every((token) => new RegExp(escapeRegex(token)).test(key));

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô'];
const MIDDLE = ['Thị', 'Văn', 'Đức', 'Ngọc', 'Minh', 'Thanh', 'Hữu', 'Quốc'];
const GIVEN = ['Hoa', 'Hùng', 'Lan', 'Dũng', 'Nghiêng', 'Khuyến', 'Đông', 'Hương', 'Tuấn', 'Yến', 'Phượng', 'Quỳnh'];
const PLACES = ['Ngọk Bay', 'Đăk Cấm', 'Kon Rờ Lòng', 'Phan Rang', 'Hợp tác xã Kaizen'];
const vietnameseName = fc
  .tuple(fc.constantFrom(...FAMILY), fc.constantFrom(...MIDDLE), fc.constantFrom(...GIVEN), fc.constantFrom(...PLACES), fc.integer({ min: 1, max: 120 }), fc.boolean())
  // Half typed decomposed (NFD, as macOS and some keyboards send it); the key is the same.
  .map(([family, middle, given, place, n, decomposed]) => {
    const text = `${family} ${middle} ${given} – ${place} (KH-${4000 + n}/UBND${n})`;
    return decomposed ? text.normalize('NFD') : text;
  });
/** Queries as people type them: words whole or in part, with or without diacritics, codes, nonsense. */
const queryOf = (names: readonly string[]) =>
  fc.oneof(
    fc.tuple(fc.constantFrom(...names), fc.nat(), fc.nat(), fc.boolean()).map(([name, a, b, folded]) => {
      const words = name.normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      const word = words[a % words.length];
      const part = [...word].slice(b % word.length, (b % word.length) + 1 + (a % 6)).join('');
      return folded ? searchKey(part) : part;
    }),
    fc.tuple(fc.constantFrom(...FAMILY, ...MIDDLE, ...GIVEN, ...PLACES), fc.constantFrom(...GIVEN, 'kaizen', 'ubnd', '40', 'zz', 'dong', 'đông')).map(([a, b]) => `${a} ${b}`),
    fc.constantFrom('nguyen thi', 'NGUYỄN', 'đức', 'duc hung', 'ubnd4000', 'kh 4', 'rờ lòng', 'ro long', 'nghieng', 'ghiên', 'yen phuong', 'hợp tác xã kaizen', 'x'),
  );

describe.each(adapters)('read models: search as the lists use it ($name)', (adapter) => {
  let opened: OpenedReadModels;
  let people: DocumentCollection<{ _id: string; name: string; startDate: string; searchKey: string }>;
  let names: string[];

  beforeAll(async () => {
    opened = await adapter.open();
    people = opened.store.collection('people_view', { fields: ['startDate'], textSearch: ['searchKey'] });
    await people.createIndex({ startDate: -1 }, { name: 'by_start' });
    names = fc.sample(vietnameseName, { numRuns: 160, seed: 16 });
    await people.insertMany(
      names.map((name, i) => ({ _id: `p${String(i).padStart(3, '0')}`, name, startDate: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, searchKey: searchKey(name) })),
    );
  });
  afterAll(() => opened?.drop());

  const expected = (query: string) =>
    names
      .map((name, i) => ({ _id: `p${String(i).padStart(3, '0')}`, key: searchKey(name), startDate: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` }))
      .filter((p) => regexMatches(p.key, query))
      .sort((a, b) => b.startDate.localeCompare(a.startDate) || a._id.localeCompare(b._id))
      .map((p) => p._id);
  const page = async (query: string, skip: number, limit: number) =>
    (await people.find(searchFilter(query), { sort: { startDate: -1, _id: 1 }, skip, limit }).toArray()).map((p) => p._id);

  it('finds every word of the query inside the words, ignoring diacritics, case and đ, in list order, paged and counted', async () => {
    const dang = await page('đặng', 0, 1000);
    expect(dang.length).toBeGreaterThan(0);
    expect(await page('Dang', 0, 1000)).toEqual(dang);
    expect(await page('DĂNG'.normalize('NFD'), 0, 1000)).toEqual(dang);
    // Inside a word, not only at its start ("ghien" in "Nghiêng"), and every word required.
    expect(await page('ghien', 0, 1000)).toEqual(expected('ghien'));
    expect((await page('ghien', 0, 1000)).length).toBeGreaterThan(0);
    expect(await page('nguyen zzz', 0, 1000)).toEqual([]);
    // A code longer than a stored fragment, whole and in part.
    const code = searchKey(names[0]).split(' ').find((w) => w.startsWith('ubnd'))!;
    expect(await page(`${code}`, 0, 1000)).toEqual(expected(code));
    expect(await page('ubnd1000000', 0, 1000)).toEqual([]);
    const all = expected('hop tac kaizen');
    expect(all.length).toBeGreaterThan(20);
    expect(await page('hop tac kaizen', 10, 10)).toEqual(all.slice(10, 20));
    expect(await people.countDocuments(searchFilter('hop tac kaizen'))).toBe(all.length);
    expect(await people.countDocuments(searchFilter('hop tac kaizen'), { limit: 15 })).toBe(15);
    expect(await people.countDocuments(searchFilter('hop tac kaizen', { startDate: { $gte: '2026-07-01' } }))).toBe(
      all.filter((id) => Number(id.slice(1)) % 12 >= 6).length,
    );
  });

  it('returns exactly what the regular expressions it replaces return, on generated Vietnamese names and queries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constant(null).chain(() => queryOf(names)),
        fc.nat(30),
        async (query, skip) => {
          const want = expected(query);
          expect(await page(query, 0, 1000)).toEqual(want);
          expect(await page(query, skip, 10)).toEqual(want.slice(skip, skip + 10));
          expect(await people.countDocuments(searchFilter(query))).toBe(want.length);
        },
      ),
      { numRuns: adapter.name === 'PostgreSQL' ? 300 : 60, seed: 16 },
    );
  });
});

describe('read models: PostgreSQL answers as MongoDB does (generated filters)', () => {
  let pg: OpenedReadModels;
  let mongo: OpenedReadModels;
  beforeAll(async () => {
    [pg, mongo] = await Promise.all(adapters.map((a) => a.open()));
  });
  afterAll(async () => {
    await pg?.drop();
    await mongo?.drop();
  });

  const units = ['51', '51-NGOKBAY', '51-DAKCAM', '56-PHANRANG'];
  const statuses = ['scheduled', 'completed', 'cancelled'];
  const doc = fc.record({
    unitCode: fc.constantFrom(...units),
    status: fc.constantFrom(...statuses),
    n: fc.integer({ min: 0, max: 20 }),
    day: fc.option(fc.constantFrom('2025-01-01', '2025-06-30', '2026-01-15', '2026-12-31'), { nil: undefined }),
    searchKey: fc.constantFrom('tap huan 5s', 'kaizen hop tac xa', 'nang suat xanh', 'lean kaizen'),
  });
  const leaf: fc.Arbitrary<Filter> = fc.oneof(
    fc.constantFrom(...units).map((u) => ({ unitCode: u })),
    fc.subarray(units).map((us) => ({ unitCode: { $in: us } })),
    fc.constantFrom(...statuses).map((s) => ({ status: { $ne: s } })),
    fc.tuple(fc.constantFrom('$gt', '$gte', '$lt', '$lte'), fc.integer({ min: 0, max: 20 })).map(([op, v]) => ({ n: { [op]: v } })),
    fc.tuple(fc.constantFrom('$gt', '$lte'), fc.constantFrom('2025-03-01', '2026-01-15')).map(([op, v]) => ({ day: { [op]: v } })),
    fc.constantFrom('kaizen', 'xanh', '5s', 'zzz').map((t) => ({ searchKey: { $regex: t } })),
  );
  const filter = fc.oneof(leaf, fc.array(leaf, { minLength: 1, maxLength: 3 }).map((fs) => ({ $and: fs })), fc.array(leaf, { minLength: 1, maxLength: 3 }).map((fs) => ({ $or: fs })));
  const sort = fc.constantFrom<Record<string, 1 | -1>>({ n: 1 }, { n: -1 }, { day: 1 }, { day: -1 }, { unitCode: 1, n: -1 });

  it('the same documents, filters and sorts give the same pages on both', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(doc, { minLength: 1, maxLength: 25 }), filter, sort, fc.nat(5), async (docs, f, s, skip) => {
        const name = `gen_${randomBytes(3).toString('hex')}`;
        // Half the runs read the fields from their own columns (declared), half from the documents.
        const declared = skip % 2 === 0 ? { fields: ['unitCode', 'n', 'day', 'status'], textSearch: ['searchKey'] } : {};
        const [a, b] = [pg.store.collection(name, declared), mongo.store.collection(name)];
        for (const [i, d] of docs.entries()) {
          const withId = { _id: `d${String(i).padStart(2, '0')}`, ...Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) };
          await a.insertOne(structuredClone(withId));
          await b.insertOne(structuredClone(withId));
        }
        // Ties are broken by _id on both (MongoDB's order among equal keys is unspecified).
        const page = async (c: DocumentCollection) => (await c.find(f, { sort: { ...s, _id: 1 }, skip, limit: 10 }).toArray()).map((x) => x._id);
        expect(await page(a)).toEqual(await page(b));
        // Projections (cut in SQL on PostgreSQL) give the same documents.
        const projected = async (c: DocumentCollection, projection: Record<string, 0 | 1>) => c.find(f, { sort: { ...s, _id: 1 }, skip, limit: 10, projection }).toArray();
        for (const projection of [{ unitCode: 1, n: 1 }, { _id: 0, searchKey: 0 }, { _id: 0, day: 1 }] as Record<string, 0 | 1>[]) {
          expect(await projected(a, projection)).toEqual(await projected(b, projection));
        }
        expect(await a.countDocuments(f)).toBe(await b.countDocuments(f));
      }),
      { numRuns: 40 },
    );
  });
});
