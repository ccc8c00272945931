import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dayLeaves, proofOfE2, ROOT } from '../../lib/integrity.fixtures';
import { fakeFetch, principal, renderWith } from '../../test-utils';
import { CheckpointFileCheck, InclusionProofs } from './CheckpointTools';

const auditor = principal(['auditor'], 'VN', 'auditor.vn');
const proof = (steps = proofOfE2) => ({ index: 1, leafCount: 5, leafHash: 'x', steps, root: ROOT, leaf: dayLeaves[1], sealed: true });

afterEach(() => vi.unstubAllGlobals());

describe('checkpoint inclusion proofs', () => {
  it('asks for the proof of the chosen event and walks it to the root in the browser', async () => {
    const calls = fakeFetch(() => ({ status: 200, body: proof() }));
    renderWith(<InclusionProofs context="plans" date="2026-11-29" root={ROOT} leaves={dayLeaves} />, { who: auditor });
    await userEvent.click(screen.getAllByRole('button', { name: 'Chứng minh' })[2]);
    const result = await screen.findByTestId('inclusion-proof');
    expect(await within(result).findByText(/Sự kiện nằm trong dấu mốc \(vị trí 2\/5\)/)).toBeInTheDocument();
    expect(within(result).getAllByText('bên trái')).toHaveLength(1);
    expect(within(result).getAllByText('bên phải')).toHaveLength(2);
    expect(calls[0].url).toBe('/api/audit/audit/checkpoints/proof?context=plans&date=2026-11-29&eventId=e2');
  });

  it('says so when the proof does not lead to the root it was asked against', async () => {
    fakeFetch(() => ({ status: 200, body: proof([proofOfE2[1], proofOfE2[0], proofOfE2[2]]) }));
    renderWith(<InclusionProofs context="plans" date="2026-11-29" root={ROOT} leaves={dayLeaves} />, { who: auditor });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Mã sự kiện' }), 'e2{Enter}');
    expect(await screen.findByText(/Đường băm không dẫn tới gốc của dấu mốc/)).toBeInTheDocument();
  });

  it("shows the audit service's answer for an event not in the day", async () => {
    fakeFetch(() => ({ status: 404, body: { statusCode: 404, message: 'Event zz is not in the plans checkpoint of 2026-11-29.' } }));
    renderWith(<InclusionProofs context="plans" date="2026-11-29" root={ROOT} leaves={dayLeaves} />, { who: auditor });
    await userEvent.type(screen.getByRole('searchbox', { name: 'Mã sự kiện' }), 'zz{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Event zz is not in the plans checkpoint of 2026-11-29.');
  });
});

describe('re-checking an exported checkpoint file', () => {
  const file = (body: object) => new File([JSON.stringify(body)], 'checkpoint-plans-2026-11-29.json', { type: 'application/json' });

  it('recomputes the file’s root here, posts it to the audit service and names each event that differs', async () => {
    const calls = fakeFetch(() => ({
      status: 200,
      body: { context: 'plans', date: '2026-11-29', checkpointConsistent: true, intact: false, currentRoot: 'f'.repeat(64), currentLeafCount: 5, findings: [{ kind: 'changed', eventId: 'e3', streamId: 'plan-p3', streamVersion: 3, fields: ['hash'] }], addedEvents: 0, lateArrivals: 0 },
    }));
    const { container } = renderWith(<CheckpointFileCheck />, { who: auditor });
    await userEvent.upload(container.querySelector('input[type=file]') as HTMLInputElement, file({ context: 'plans', date: '2026-11-29', root: ROOT, leaves: dayLeaves }));
    const result = await screen.findByTestId('checkpoint-file-check');
    expect(result).toHaveTextContent('Sổ cái không còn khớp với tệp dấu mốc (1 phát hiện)');
    expect(result).toHaveTextContent('Các sự kiện trong tệp băm ra đúng gốc ghi trong tệp.');
    expect(within(result).getByText('Bị sửa')).toBeInTheDocument();
    expect(within(result).getByText('plan-p3 #3')).toBeInTheDocument();
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/audit/audit/checkpoints/verify' });
    expect((calls[0].body as { root: string }).root).toBe(ROOT);
  });

  it('says when the file itself was altered', async () => {
    fakeFetch(() => ({ status: 200, body: { context: 'plans', date: '2026-11-29', checkpointConsistent: false, intact: false, currentRoot: ROOT, currentLeafCount: 5, findings: [], addedEvents: 0, lateArrivals: 0 } }));
    const { container } = renderWith(<CheckpointFileCheck />, { who: auditor });
    await userEvent.upload(container.querySelector('input[type=file]') as HTMLInputElement, file({ context: 'plans', date: '2026-11-29', root: ROOT, leaves: dayLeaves.slice(1) }));
    expect(await screen.findByTestId('checkpoint-file-check')).toHaveTextContent('chính tệp đã bị sửa');
  });
});
