import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';
import type { HistoryEntry } from '../lib/types';

/** Who did what, when, for which unit and why — from a stream's events. */
export function HistoryTable({ entries, loading }: { entries: HistoryEntry[]; loading?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<HistoryEntry>
      size="small"
      loading={loading}
      rowKey={(r) => `${r.streamVersion}-${r.type}`}
      dataSource={entries}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: '#', dataIndex: 'streamVersion', width: 60 },
        { title: t('history.when'), render: (_, r) => formatDateTime(r.recordedAt), width: 160 },
        { title: t('history.what'), render: (_, r) => t(`event.${r.type}`, { defaultValue: r.type }) },
        { title: t('history.who'), render: (_, r) => (r.actor ? `${r.actor.username} (${r.actor.unit})` : '—') },
        {
          title: t('history.why'),
          render: (_, r) => {
            const d = (r.data ?? {}) as Record<string, unknown>;
            const why = r.reason ?? d.reason ?? d.note ?? d.legalBasis ?? (r.metadata as Record<string, unknown> | undefined)?.reason;
            return why ? String(why) : '—';
          },
        },
      ]}
    />
  );
}
