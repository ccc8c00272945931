import { Conflict, DomainRuleViolation } from '@nangsuat/event-sourcing';
import { AddAttachment, AttachmentAdded, attachmentsDecider, AttachmentsState, MAX_ATTACHMENTS_PER_RECORD } from './attachments';

const record = { recordType: 'plan', recordId: 'p1', recordStreamId: 'plan-p1', unitCode: '51' };
const file = (n: number) => ({ name: `doc-${n}.pdf`, mediaType: 'application/pdf' as const, sizeBytes: 100 + n, sha256: n.toString(16).padStart(64, '0'), objectKey: `plans/plan-p1/${n}` });
const add = (n: number, over: Partial<AddAttachment> = {}): AddAttachment => ({
  type: 'AddAttachment',
  attachmentId: `att-${n}`,
  record,
  file: file(n),
  purpose: 'plan-document',
  now: '2025-08-01T03:00:00.000Z',
  ...over,
});

function given(commands: AddAttachment[]): AttachmentsState {
  let state = attachmentsDecider.initialState();
  for (const c of commands) for (const e of attachmentsDecider.decide(c, state)) state = attachmentsDecider.evolve(state, e);
  return state;
}

describe('attachments of a record', () => {
  it('records the file facts in the event (what the hash chain covers)', () => {
    const [event] = attachmentsDecider.decide(add(1, { purpose: 'amendment', planVersion: 2, title: 'Điều chỉnh' }), given([])) as AttachmentAdded[];
    expect(event).toEqual({
      type: 'AttachmentAdded',
      schemaVersion: 1,
      data: { attachmentId: 'att-1', ...record, purpose: 'amendment', planVersion: 2, title: 'Điều chỉnh', ...file(1), addedAt: '2025-08-01T03:00:00.000Z' },
    });
  });

  it('lists attachments in the order they were added', () => {
    expect(given([add(1), add(2)]).attachments.map((a) => a.attachmentId)).toEqual(['att-1', 'att-2']);
  });

  it('refuses the same id twice, the same document twice for the same purpose, and more than the limit', () => {
    expect(() => attachmentsDecider.decide(add(1), given([add(1)]))).toThrow(Conflict);
    expect(() => attachmentsDecider.decide(add(2, { file: file(1) }), given([add(1)]))).toThrow(/already attached/);
    expect(attachmentsDecider.decide(add(2, { file: file(1), purpose: 'amendment' }), given([add(1)]))).toHaveLength(1);
    const full = given(Array.from({ length: MAX_ATTACHMENTS_PER_RECORD }, (_, i) => add(i + 1)));
    expect(() => attachmentsDecider.decide(add(9999), full)).toThrow(DomainRuleViolation);
  });

  it('refuses a malformed hash, an empty file and another record', () => {
    expect(() => attachmentsDecider.decide(add(1, { file: { ...file(1), sha256: 'XYZ' } }), given([]))).toThrow(/sha256/);
    expect(() => attachmentsDecider.decide(add(1, { file: { ...file(1), sizeBytes: 0 } }), given([]))).toThrow(/byte/);
    expect(() => attachmentsDecider.decide(add(2, { record: { ...record, recordStreamId: 'plan-p2' } }), given([add(1)]))).toThrow(/another record/);
  });
});
