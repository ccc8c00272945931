import { useState } from 'react';
import { Input, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { formatDate, matchesIgnoringDiacritics } from '../../lib/format';
import { ErrorAlert, Loading } from '../../components/common';
import { textFor } from './text';

interface CatalogueEntry {
  readonly code: string;
  readonly origin: string;
  readonly changedInVersion: number;
  readonly unitOfMeasureName: { vi: string; en: string };
  readonly entry: {
    name: { vi: string; en: string };
    counting: { rule: string };
    feed: { from: string };
    levels: string[];
    validFrom?: string;
    validTo?: string;
  };
}

/** The indicator catalogue: what each target measures and how it is counted, searchable without diacritics. (Route it as /indicators.) */
export function IndicatorCataloguePage() {
  const { i18n } = useTranslation();
  const x = textFor(i18n.language);
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const [q, setQ] = useState('');
  const catalogue = useQuery({ queryKey: ['indicators'], queryFn: () => api.get<{ catalogueVersion: number; indicators: CatalogueEntry[] }>('plans', '/indicators') });
  const rows = (catalogue.data?.indicators ?? []).filter((i) => !q || matchesIgnoringDiacritics(`${i.code} ${i.entry.name.vi} ${i.entry.name.en}`, q));
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3}>
        {x.catalogueTitle}
        {catalogue.data ? ` — v${catalogue.data.catalogueVersion}` : ''}
      </Typography.Title>
      <Input.Search aria-label={x.search} placeholder={x.search} allowClear onChange={(e) => setQ(e.target.value)} style={{ maxWidth: 360 }} />
      <ErrorAlert error={catalogue.error} />
      {catalogue.isLoading ? (
        <Loading />
      ) : (
        <Table<CatalogueEntry>
          rowKey="code"
          size="small"
          dataSource={rows}
          pagination={false}
          columns={[
            { title: x.code, dataIndex: 'code' },
            { title: x.indicator, render: (_, i) => i.entry.name[lang] },
            { title: x.unitOfMeasure, render: (_, i) => i.unitOfMeasureName[lang] },
            { title: x.counting, render: (_, i) => (x.rules as Record<string, string>)[i.entry.counting.rule] ?? i.entry.counting.rule },
            { title: x.feed, render: (_, i) => (x.feeds as Record<string, string>)[i.entry.feed.from] ?? i.entry.feed.from },
            { title: x.levels, render: (_, i) => i.entry.levels.join(', ') },
            { title: x.validity, render: (_, i) => (i.entry.validFrom || i.entry.validTo ? `${formatDate(i.entry.validFrom) || '…'} – ${formatDate(i.entry.validTo) || '…'}` : '—') },
          ]}
        />
      )}
    </Space>
  );
}
