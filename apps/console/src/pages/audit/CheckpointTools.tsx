import { useState } from 'react';
import { Alert, Button, Descriptions, Input, Space, Table, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { formatDate, formatNumber } from '../../lib/format';
import { merkleRoot, verifyInclusion, type InclusionProof, type MerkleLeaf } from '../../lib/integrity';
import { ErrorAlert } from '../../components/common';
import { JsonFileCheck } from '../../components/JsonFileCheck';

interface LeafFinding {
  kind: 'changed' | 'removed' | 'reordered' | 'added';
  eventId: string;
  streamId: string;
  streamVersion: number;
  fields?: string[];
  index?: number;
  expectedIndex?: number;
  actualIndex?: number;
}

export interface CheckpointFileAnswer {
  context: string;
  date: string;
  checkpointConsistent: boolean;
  intact: boolean;
  currentRoot: string;
  currentLeafCount: number;
  findings: LeafFinding[];
  addedEvents: number;
  lateArrivals: number;
}

/** Nothing in the file was changed, removed or moved; the ledger only holds more of the day than the file (exported before the day ended, or late arrivals). */
const onlyAdded = (r: { ownRootMatches: boolean; server: CheckpointFileAnswer }) => r.ownRootMatches && r.server.checkpointConsistent && r.server.findings.length === 0 && r.server.addedEvents > 0;

/** One finding in words: which event, what happened to it. */
function FindingsTable({ findings }: { findings: LeafFinding[] }) {
  const { t } = useTranslation();
  return (
    <Table<LeafFinding>
      size="small"
      rowKey={(f) => `${f.kind}:${f.eventId}`}
      dataSource={findings}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        { title: t('checkpoints.finding'), render: (_, f) => t(`checkpoints.kind_${f.kind}`), width: 150 },
        { title: t('audit.stream'), render: (_, f) => `${f.streamId} #${f.streamVersion}` },
        { title: t('checkpoints.eventId'), dataIndex: 'eventId' },
        { title: t('checkpoints.what'), render: (_, f) => (f.kind === 'changed' ? (f.fields ?? []).join(', ') : f.kind === 'reordered' ? `${f.expectedIndex} → ${f.actualIndex}` : '—') },
      ]}
    />
  );
}

/**
 * The events of a day's checkpoint, and for any of them the inclusion proof: the audit path from the
 * event's leaf to the root, walked again in the browser against the root shown above.
 */
export function InclusionProofs({ context, date, root, leaves }: { context: string; date: string; root: string; leaves: MerkleLeaf[] }) {
  const { t, i18n } = useTranslation();
  const [eventId, setEventId] = useState('');
  const proof = useMutation({
    mutationFn: async (id: string) => {
      const answer = await api.get<InclusionProof & { sealed: boolean }>('audit', '/audit/checkpoints/proof', { context, date, eventId: id });
      return { answer, check: await verifyInclusion(answer, root) };
    },
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
        {t('checkpoints.proofTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('checkpoints.proofHelp')}
      </Typography.Paragraph>
      <Input.Search
        aria-label={t('checkpoints.eventId')}
        placeholder={t('checkpoints.eventId')}
        enterButton={t('checkpoints.prove')}
        value={eventId}
        onChange={(e) => setEventId(e.target.value)}
        onSearch={(v) => v.trim() && proof.mutate(v.trim())}
        loading={proof.isPending}
        style={{ maxWidth: 560 }}
      />
      <Table<MerkleLeaf>
        size="small"
        rowKey="eventId"
        dataSource={leaves}
        pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: '#', render: (_, __, i) => i + 1, width: 50 },
          { title: t('history.what'), render: (_, l) => t(`event.${l.type}`, { defaultValue: l.type }) },
          { title: t('audit.stream'), render: (_, l) => `${l.streamId} #${l.streamVersion}` },
          {
            title: t('common.actions'),
            width: 150,
            render: (_, l) => (
              <Button
                size="small"
                onClick={() => {
                  setEventId(l.eventId);
                  proof.mutate(l.eventId);
                }}
              >
                {t('checkpoints.prove')}
              </Button>
            ),
          },
        ]}
      />
      <ErrorAlert error={proof.error} />
      {proof.data && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="inclusion-proof">
          <Alert
            type={proof.data.check.valid ? 'success' : 'error'}
            showIcon
            message={proof.data.check.valid ? t('checkpoints.proofOk', { position: proof.data.answer.index + 1, count: proof.data.answer.leafCount }) : t('checkpoints.proofBroken')}
            description={t('checkpoints.proofWalked', { steps: formatNumber(proof.data.answer.steps.length, i18n.language) } as Record<string, string>)}
          />
          <Descriptions size="small" bordered column={1}>
            <Descriptions.Item label={t('checkpoints.eventId')}>{proof.data.answer.leaf.eventId}</Descriptions.Item>
            <Descriptions.Item label={t('audit.stream')}>{`${proof.data.answer.leaf.streamId} #${proof.data.answer.leaf.streamVersion} · ${proof.data.answer.leaf.type}`}</Descriptions.Item>
            <Descriptions.Item label={t('checkpoints.eventHash')}>
              <Typography.Text code>{proof.data.answer.leaf.hash}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('checkpoints.computedRoot')}>
              <Typography.Text code>{proof.data.check.computedRoot}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey={(_, i) => String(i)}
            pagination={false}
            dataSource={proof.data.answer.steps.map((s, i) => ({ ...s, after: proof.data!.check.path[i + 1] }))}
            columns={[
              { title: t('checkpoints.step'), render: (_, __, i) => i + 1, width: 60 },
              { title: t('checkpoints.side'), render: (_, s) => t(`checkpoints.side_${s.side}`), width: 120 },
              { title: t('checkpoints.sibling'), render: (_, s) => <Typography.Text code>{s.hash.slice(0, 16)}…</Typography.Text> },
              { title: t('checkpoints.result'), render: (_, s) => <Typography.Text code>{s.after.slice(0, 16)}…</Typography.Text> },
            ]}
          />
        </Space>
      )}
    </Space>
  );
}

/**
 * A checkpoint file exported earlier, checked again: its own leaves must hash to its root (computed
 * here), and the audit service says which of its events the ledger no longer holds as they were.
 */
export function CheckpointFileCheck() {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <JsonFileCheck
      help={t('checkpoints.fileHelp')}
      check={async (checkpoint) => {
        const leaves = Array.isArray(checkpoint.leaves) ? (checkpoint.leaves as MerkleLeaf[]) : [];
        const [ownRoot, server] = await Promise.all([merkleRoot(leaves), api.post<CheckpointFileAnswer>('audit', '/audit/checkpoints/verify', checkpoint)]);
        return { ownRootMatches: ownRoot === checkpoint.root, server };
      }}
    >
      {(result) => (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="checkpoint-file-check">
          <Alert
            type={result.server.intact ? 'success' : onlyAdded(result) ? 'warning' : 'error'}
            showIcon
            message={
              result.server.intact
                ? t('checkpoints.fileIntact', { context: result.server.context, date: formatDate(result.server.date) })
                : onlyAdded(result)
                  ? t('checkpoints.fileOnlyAdded', { context: result.server.context, date: formatDate(result.server.date) })
                  : t('checkpoints.fileNotIntact', { findings: result.server.findings.length })
            }
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                <li>{result.ownRootMatches ? t('checkpoints.fileRootOk') : t('checkpoints.fileRootBroken')}</li>
                <li>{t('checkpoints.ledgerNow', { count: n(result.server.currentLeafCount) } as Record<string, string>)}</li>
                {result.server.addedEvents > 0 && <li>{t('checkpoints.added', { count: n(result.server.addedEvents), late: n(result.server.lateArrivals) } as Record<string, string>)}</li>}
              </ul>
            }
          />
          {result.server.findings.length > 0 && <FindingsTable findings={result.server.findings} />}
        </Space>
      )}
    </JsonFileCheck>
  );
}
