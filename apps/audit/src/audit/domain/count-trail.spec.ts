import { countingRule, countTrail } from './count-trail';
import { chainedStream } from './test-events';

const ref = (enterpriseId: string, unitCode: string) => ({ registrationId: `p1:${enterpriseId}`, programmeId: 'p1', enterpriseId, unitCode, programmeUnitCode: '51' });

describe('count trail', () => {
  const a = chainedStream('pilot-model-registration-p1:mst-a', [
    { type: 'RegistrationApproved', data: { ...ref('mst-a', '51-NGOKBAY'), seatReservedAtProgrammeVersion: 2 } },
    { type: 'RegistrationCompleted', data: { ...ref('mst-a', '51-NGOKBAY') } },
  ], { firstPosition: 1, positionStep: 10 });
  const b = chainedStream('pilot-model-registration-p2:mst-a', [{ type: 'RegistrationCompleted', data: { ...ref('mst-a', '51-NGOKBAY'), programmeId: 'p2' } }], { firstPosition: 15 });
  const c = chainedStream('pilot-model-registration-p1:mst-c', [
    { type: 'RegistrationApproved', data: ref('mst-c', '51-DAKCAM') },
    { type: 'RegistrationWithdrawn', data: { ...ref('mst-c', '51-DAKCAM'), seatHeld: true } },
  ], { firstPosition: 20 });
  const d = chainedStream('pilot-model-registration-p1:mst-d', [{ type: 'RegistrationCompleted', data: ref('mst-d', '56-PHANRANG') }], { firstPosition: 30 });
  const all = [...a, ...b, ...c, ...d].sort((x, y) => x.globalPosition - y.globalPosition);
  const inQuangNgai = (unit: string) => unit.startsWith('51');

  it('counts distinct enterprises with a completed pilot model, naming every contributing event', () => {
    const { steps, count } = countTrail(countingRule('pilot-models')!, all, inQuangNgai);
    expect(count).toBe(1);
    expect(steps.map((s) => [s.streamId, s.delta, s.runningCount, s.note])).toEqual([
      ['pilot-model-registration-p1:mst-a', 1, 1, undefined],
      ['pilot-model-registration-p2:mst-a', 0, 1, 'mst-a already counted'],
    ]);
  });

  it('adds approvals and subtracts withdrawals that held a seat', () => {
    const { steps, count } = countTrail(countingRule('pilot-models-under-way')!, all, inQuangNgai);
    expect(steps.map((s) => s.runningCount)).toEqual([1, 2, 1]);
    expect(count).toBe(1);
  });

  it('counts experts with a certification in force, once per person', () => {
    const cert = (id: string, person: string, types: string[]) =>
      chainedStream(`expert-certification-${id}`, types.map((type) => ({ type, data: { certificationId: id, personId: person, unitCode: '56' } })));
    const events = [...cert('c1', 'p1', ['CertificationGranted', 'CertificationRenewed', 'CertificationExpired']), ...cert('c2', 'p1', ['CertificationGranted']), ...cert('c3', 'p2', ['CertificationGranted', 'CertificationRevoked'])];
    const { steps, count } = countTrail(countingRule('experts-certified')!, events, () => true);
    expect(steps.map((s) => s.delta)).toEqual([1, 0, -1, 1, 1, -1]);
    expect(count).toBe(1);
  });
});
