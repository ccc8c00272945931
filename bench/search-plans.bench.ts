/* What PostgreSQL does for one page of a searched list, as the course read model grows: the course
 * list's own collection (the training projection's fields, indexes and search column, created by the
 * read-model adapter) filled with 10,000 … 1,000,000 course documents, and EXPLAIN (ANALYZE, BUFFERS)
 * of the statements the adapter sends for `GET /courses?q=…&page=2&pageSize=20` — the page and its
 * bounded count — beside the regular expressions it sent before (the baseline, same table, same run).
 * Not a test: nothing asserts on time.
 *
 *   EVENT_STORE_URL=postgres://… npm run bench:search-plans
 *   BENCH_ROWS=10000,100000,1000000   BENCH_KEEP=1 (keep the schema)
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { PostgresReadModels, tableName } from '@nangsuat/read-models';
import { COUNT_AHEAD, escapeRegex } from '@nangsuat/service-runtime';
import { searchKey, searchTokens } from '@nangsuat/vietnamese';
import { COURSES_COLLECTION, courseProjection } from '../apps/training/src/training/courses/course-view';

const url = process.env.EVENT_STORE_URL ?? '';
if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('EVENT_STORE_URL=postgres://… is needed');
const sizes = (process.env.BENCH_ROWS ?? '10000,100000,1000000').split(',').map(Number);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const TOPICS = ['Tập huấn áp dụng công cụ 5S, Kaizen cho hợp tác xã', 'Nâng cao năng suất chất lượng sản phẩm OCOP', 'Quản lý chất lượng theo ISO 9001:2015', 'Chuyển đổi số cho doanh nghiệp nhỏ và vừa'];
const UNITS = ['51', '51-NGOKBAY', '51-DAKCAM', '51-KONRO', '56-PHANRANG'];

/** A course document as the projection writes it (the fields the list reads, filters and sorts on). */
function course(n: number) {
  // Topics do not follow the calendar: a quarter of every month's courses are on 5S and Kaizen.
  const topic = `${TOPICS[Math.floor(n / 7) % TOPICS.length]} (khóa ${n})`;
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(n / 40) * 86_400_000).toISOString().slice(0, 10);
  const courseId = `pre-${n}`;
  const planDocumentNumber = `${4000 + (n % 50)}/KH-UBND`;
  return {
    _id: `course-${courseId}`,
    courseId, unitCode: UNITS[n % UNITS.length], topic, status: n % 10 === 0 ? 'cancelled' : 'scheduled', startDate: day, endDate: day,
    capacity: 30, trainerId: 'ngokbay.trainer', planDocumentNumber, counts: { registered: 30, completed: 25 }, version: 116,
    searchKey: searchKey(`${topic} ${courseId} ngokbay.trainer ${planDocumentNumber}`),
  };
}

/** The searches: words most courses share, words a few share, and a word one course has. */
const SEARCHES = [
  { name: 'common words ("kaizen hợp tác", a quarter of the courses)', q: 'kaizen hợp tác' },
  { name: 'a rarer pair ("iso 4007", 1 in 200)', q: 'iso 4007' },
  { name: 'a course number ("khóa 7777": courses 7777, 17777, 77770 …)', q: 'khóa 7777' },
];

async function main() {
  const schema = `search_plans_${randomBytes(3).toString('hex')}`;
  const readModels = PostgresReadModels.connect(url, schema);
  const pool = new Pool({ connectionString: url, max: 1 });
  // The statements the adapter sends, captured to be explained with their own parameters.
  const sent: { text: string; values: unknown[] }[] = [];
  const query = readModels.query.bind(readModels);
  (readModels as unknown as { query: typeof query }).query = (text: string, values?: unknown[]) => {
    sent.push({ text, values: values ?? [] });
    return query(text, values);
  };
  const projection = courseProjection(null as never, readModels);
  const courses = projection.documents;
  await projection.ensureIndexes();
  const table = `"${schema}".${tableName(COURSES_COLLECTION)}`;
  try {
    let rows = 0;
    for (const size of sizes) {
      const t0 = performance.now();
      // Bulk load as a restore would: indexes dropped, rows in, indexes built again.
      const { rows: indexes } = await pool.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND indexname NOT LIKE '%_pkey'`, [schema]);
      for (const index of indexes) await pool.query(`DROP INDEX "${schema}"."${index.indexname}"`);
      for (; rows < size; ) {
        const batch = Array.from({ length: Math.min(5000, size - rows) }, (_, i) => course(rows + i));
        await courses.insertMany(batch);
        rows += batch.length;
      }
      for (const index of indexes) await pool.query(index.indexdef);
      await pool.query(`VACUUM ANALYZE ${table}`);
      const { rows: [size0] } = await pool.query(`SELECT pg_size_pretty(pg_total_relation_size('${table}')) AS total`);
      console.log(`\n## ${fmt(size)} course documents (loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s; table with indexes ${size0.total})`);

      for (const search of SEARCHES) {
        const words = searchTokens(search.q).map((token) => ({ searchKey: { $regex: escapeRegex(token) } }));
        const filter = { $and: words };
        const skip = 20;
        const limit = 20;
        sent.length = 0;
        const page = await courses.find(filter, { sort: { startDate: -1, courseId: 1 }, skip, limit, projection: { courseId: 1, topic: 1, startDate: 1, _id: 0 } }).toArray();
        const counted = await courses.countDocuments(filter, { limit: skip + limit + COUNT_AHEAD + 1 });
        const [pageSql, countSql] = sent.filter((s) => /^SELECT/.test(s.text));
        console.log(`\n### ${search.name}: page 2 has ${page.length} courses, count ${fmt(counted)}${counted > skip + limit + COUNT_AHEAD ? ' (a lower bound)' : ''}`);
        for (const [what, statement] of [['page 2', pageSql], ['bounded count', countSql]] as const) {
          // Before: one regular expression per word over the folded text (the trigram index).
          const before = {
            text: statement.text.replace(/"w8_searchKey" @> \$1::jsonb/, searchTokens(search.q).map((t) => `("f_searchKey" #>> '{}') ~ '${t}'`).join(' AND ')),
            values: statement.values.slice(1),
          };
          before.text = before.text.replace(/\$(\d+)/g, (_, d) => `$${Number(d) - 1}`);
          for (const [label, s] of [['now', statement], ['before (regular expressions)', before]] as const) {
            const { rows: explained } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${s.text}`, s.values);
            const lines = explained.map((r) => r['QUERY PLAN'] as string);
            const time = lines.find((l) => l.startsWith('Execution Time'));
            const shown = lines.slice(0, lines.findIndex((l) => /^(Planning|Execution)/.test(l)));
            console.log(`\n${what}, ${label} — ${time}\n\`\`\`\n${shown.join('\n')}\n\`\`\``);
          }
        }
      }
    }
  } finally {
    if (!process.env.BENCH_KEEP) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await pool.end();
    await readModels.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
