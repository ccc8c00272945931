import type { Request } from 'express';
import { AccessPolicy } from '@nangsuat/auth';
import { Actor, Conflict, DomainRuleViolation, EventMetadata, Forbidden } from '@nangsuat/event-sourcing';
import { Registrations } from '../common/registrations';
import { enterpriseIdForTaxCode, pilotModelRegistrationDecider, programmeSnapshot, ProgrammeState, programmeStreamId, registrationIdFor, registrationStreamId, supportProgrammeDecider } from '@nangsuat/contracts/support-programs';
import { InMemoryCommandHandler } from '@nangsuat/event-store/testing/in-memory-command-handler';
import { CommandContext, CommandRunner } from '@nangsuat/service-runtime';
import { ApproveRegistrationHandler } from './approve-registration.handler';

const officer: Actor = { id: 'u-ngokbay', username: 'ngokbay.officer', unit: '51-NGOKBAY', roles: ['commune-officer'] };
const NOW_DATE = new Date('2025-09-01T02:00:00.000Z');
const as = (actor: Actor, key?: string): CommandContext =>
  CommandContext.ofRequest(
    { headers: { 'x-correlation-id': 'corr-12345678', ...(key ? { 'idempotency-key': key } : {}) }, actor, method: 'POST', originalUrl: '/registrations/approve', body: {} } as unknown as Request,
    NOW_DATE,
  );
const metadata: EventMetadata = { actor: officer, unit: '51-NGOKBAY', correlationId: 'corr-seed' };
const NOW = '2025-09-01T09:00:00+07:00';

describe('ApproveRegistrationHandler: seat first, then approval; compensation when the approval is refused', () => {
  let log: InMemoryCommandHandler;
  let handler: ApproveRegistrationHandler;
  const programmeId = 'ctht-ngokbay';

  async function registrationUnderReview(n: number): Promise<string> {
    const enterpriseId = enterpriseIdForTaxCode(`010010751${n}`);
    const { state } = await log.load<never, ProgrammeState>(programmeStreamId(programmeId), supportProgrammeDecider);
    const streamId = registrationStreamId(programmeId, enterpriseId);
    await log.handle(streamId, pilotModelRegistrationDecider, {
      type: 'SubmitRegistration',
      registrationId: registrationIdFor(programmeId, enterpriseId),
      programme: programmeSnapshot(state),
      enterprise: { enterpriseId, taxCode: `010010751${n}`, name: `HTX số ${n}`, unitCode: '51-NGOKBAY', group: 'cooperative' },
      tools: ['5s'],
      now: NOW,
    }, { metadata });
    await log.handle(streamId, pilotModelRegistrationDecider, { type: 'StartReview', reviewerId: officer.id, now: NOW }, { metadata });
    return registrationIdFor(programmeId, enterpriseId);
  }

  const seats = async () => Object.keys((await log.load<never, ProgrammeState>(programmeStreamId(programmeId), supportProgrammeDecider)).state.seats);

  beforeEach(async () => {
    log = new InMemoryCommandHandler();
    const runner = new CommandRunner(log);
    handler = new ApproveRegistrationHandler(runner, new Registrations(runner, new AccessPolicy()), log);
    await log.handle(programmeStreamId(programmeId), supportProgrammeDecider, {
      type: 'CreateProgramme', programmeId, unitCode: '51-NGOKBAY', name: 'Mô hình điểm Ngọk Bay', legalBasis: ['138/KH-UBND'],
      funding: { sources: ['state-budget'] }, eligibleGroups: ['cooperative'], toolsOffered: ['5s'], openingDate: '2025-08-01', closingDate: '2030-12-31', capacity: 1, now: NOW,
    }, { metadata });
  });

  it('reserves a seat and approves with the programme version of the reservation', async () => {
    const id = await registrationUnderReview(1);
    const view = await handler.handle(as(officer), id, { note: 'Đủ điều kiện' });
    expect(view).toMatchObject({ status: 'approved', seatHeld: true });
    const approved = (await log.readStream(registrationStreamId(programmeId, id.split(':')[1]))).find((e) => e.type === 'RegistrationApproved');
    expect(approved?.data).toMatchObject({ seatReservedAtProgrammeVersion: 2 });
    expect(await seats()).toEqual([id]);
  });

  it('refuses when the programme is full (409) and leaves the registration under review', async () => {
    await handler.handle(as(officer), await registrationUnderReview(1), {});
    const second = await registrationUnderReview(2);
    await expect(handler.handle(as(officer), second, {})).rejects.toThrow(Conflict);
    expect((await handler['registrations'].load(second)).state.status).toBe('under-review');
  });

  it('gives the seat back when the approval step is refused after the seat was taken', async () => {
    const id = await registrationUnderReview(1);
    log.failNextAppend(registrationStreamId(programmeId, id.split(':')[1]), new DomainRuleViolation('withdrawn meanwhile', 'invalid-transition'));
    await expect(handler.handle(as(officer), id, {})).rejects.toThrow('withdrawn meanwhile');
    expect(await seats()).toEqual([]);
    const released = (await log.readStream(programmeStreamId(programmeId))).at(-1);
    expect(released).toMatchObject({ type: 'SeatReleased', data: { registrationId: id } });
    expect(released?.metadata.reason).toMatch(/Approval of .* was refused: withdrawn meanwhile/);
  });

  it('refuses an impossible approval before taking any seat', async () => {
    const id = await registrationUnderReview(1);
    await handler.handle(as(officer), id, {});
    const before = (await log.readStream(programmeStreamId(programmeId))).length;
    await log.handle(registrationStreamId(programmeId, id.split(':')[1]), pilotModelRegistrationDecider, { type: 'StartImplementation', startedOn: '2025-09-02', now: NOW }, { metadata });
    await expect(handler.handle(as(officer), id, {})).rejects.toThrow(/Cannot approve/);
    expect((await log.readStream(programmeStreamId(programmeId))).length).toBe(before);
  });

  it('approving an approved registration again writes nothing; a retried request with its key resumes', async () => {
    const id = await registrationUnderReview(1);
    await handler.handle(as(officer, 'approve-key-1'), id, {});
    const count = [...log.streams.values()].flat().length;
    expect(await handler.handle(as(officer, 'approve-key-1'), id, {})).toMatchObject({ status: 'approved' });
    expect(await handler.handle(as({ ...officer, id: 'u-other' }), id, {})).toMatchObject({ status: 'approved' });
    expect([...log.streams.values()].flat().length).toBe(count);
  });

  it('refuses officers outside the programme\'s unit before anything is written', async () => {
    const id = await registrationUnderReview(1);
    const count = [...log.streams.values()].flat().length;
    await expect(handler.handle(as({ ...officer, unit: '51-DAKCAM' }), id, {})).rejects.toThrow(Forbidden);
    expect([...log.streams.values()].flat().length).toBe(count);
  });
});
