/* What checking the hash chain costs a command's fold: the same events folded through a decider,
 * with and without the chain check the store now runs on every command read (`verifyChain`).
 * Pure CPU, no server. Not a test: nothing here asserts on time.
 *   npm run bench:fold-verification        (BENCH_EVENTS=… for other stream lengths) */
import { performance } from 'node:perf_hooks';
import { RecordedEvent, verifyChain, withHash } from '@nangsuat/event-sourcing';

type State = { registered: number; seats: number };
const evolve = (s: State, e: RecordedEvent): State =>
  e.type === 'CourseScheduled' ? { ...s, seats: (e.data as { capacity: number }).capacity } : { ...s, registered: s.registered + 1 };

function stream(length: number): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let prevHash = '';
  for (let v = 1; v <= length; v++) {
    const event = withHash({
      id: `00000000-0000-4000-8000-${String(v).padStart(12, '0')}`,
      type: v === 1 ? 'CourseScheduled' : 'TraineeRegistered',
      schemaVersion: 1,
      data: v === 1 ? { capacity: 40, topic: 'Tập huấn áp dụng công cụ 5S cho hợp tác xã', unitCode: '51-NGOKBAY' } : { personId: `p-${v}`, fullName: `Học viên ${v}`, organisationName: 'HTX Nông nghiệp Ngọk Bay' },
      streamId: 'course-bench',
      streamVersion: v,
      globalPosition: v,
      occurredAt: '2026-11-30T01:00:00.000Z',
      recordedAt: '2026-11-30T01:00:00.000Z',
      metadata: { actor: { id: 'u', username: 'ngokbay.trainer', unit: '51-NGOKBAY' }, unit: '51-NGOKBAY', correlationId: 'bench' },
      prevHash,
    });
    prevHash = event.hash;
    events.push(event);
  }
  return events;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

console.log('| events in the stream | fold (baseline) | fold + chain check | per event added |');
console.log('|---|---|---|---|');
for (const length of (process.env.BENCH_EVENTS ?? '10,100,1000').split(',').map(Number)) {
  const events = stream(length);
  const fold = () => events.reduce(evolve, { registered: 0, seats: 0 });
  const rounds = Math.max(20, Math.round(20_000 / length));
  const plain: number[] = [];
  const checked: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let t = performance.now();
    fold();
    plain.push(performance.now() - t);
    t = performance.now();
    if (!verifyChain('course-bench', events).ok) throw new Error('the generated chain should verify');
    fold();
    checked.push(performance.now() - t);
  }
  const [a, b] = [median(plain), median(checked)];
  console.log(`| ${length} | ${(a * 1000).toFixed(0)} µs | ${(b * 1000).toFixed(0)} µs | ${(((b - a) * 1000) / length).toFixed(1)} µs |`);
}
