import { useState } from 'react';
import { Checkbox, DatePicker, Form, Input, Space, Switch, Table, Typography } from 'antd';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { hasRole, type Principal } from '../../auth/claims';
import { api, type Page } from '../../lib/api';
import { DATE_INPUT_FORMATS, formatDate, todayInVietnam } from '../../lib/format';
import { ColourTag, ErrorAlert } from '../../components/common';
import { ActionForm } from '../../components/ActionForm';
import { serverPagination } from '../../lib/listPaging';

export const NOMINEE_KINDS = ['enterprise', 'organisation', 'individual'] as const;

export interface AwardCategoryRow {
  categoryId: string;
  unitCode: string;
  name: string;
  description?: string;
  eligibleNomineeKinds: string[];
  period?: { from: string; to: string };
}

/** Who creates award categories: the province and its departments (the awards API's writers). */
export const mayCreateCategory = (p: Principal | undefined) => hasRole(p, 'province-admin', 'department-officer');

/** Whether nominations are accepted on a day (ISO), and if not, whether the period is still ahead. */
export function categoryPhase(c: Pick<AwardCategoryRow, 'period'>, today: string): 'open' | 'upcoming' | 'ended' | 'none' {
  if (!c.period) return 'none';
  if (today < c.period.from) return 'upcoming';
  return today > c.period.to ? 'ended' : 'open';
}

const PHASE_COLOUR = { open: 'green', upcoming: 'blue', ended: 'default', none: 'default' } as const;

/** Award categories: what can be nominated, for whom, and when; created by the province or a department. */
export function AwardCategoriesPage() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [openOnly, setOpenOnly] = useState(false);
  const [page, setPage] = useState(1);
  const today = todayInVietnam();
  const list = useQuery({
    queryKey: ['award-categories', 'page', q, openOnly, page],
    queryFn: () => api.get<Page<AwardCategoryRow>>('awards', '/award-categories', { q: q || undefined, openOn: openOnly ? today : undefined, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('nav.awardCategories')}
      </Typography.Title>
      <Space wrap>
        <Input.Search aria-label={t('common.search')} placeholder={t('categories.searchPlaceholder')} allowClear onSearch={(v) => { setQ(v); setPage(1); }} style={{ width: 320 }} />
        <Space>
          <Switch id="open-only" checked={openOnly} onChange={(v) => { setOpenOnly(v); setPage(1); }} />
          <label htmlFor="open-only">{t('categories.openOnly')}</label>
        </Space>
        {mayCreateCategory(principal) && (
          <ActionForm<{ name: string; description?: string; eligibleNomineeKinds: string[]; period: [Dayjs, Dayjs] }>
            primary
            label={t('categories.create')}
            doneMessage={t('categories.created')}
            initialValues={{ eligibleNomineeKinds: ['enterprise'] }}
            send={(body) => api.post('awards', '/award-categories', body)}
            onDone={() => queryClient.invalidateQueries({ queryKey: ['award-categories'] })}
            toBody={(v) => ({
              unitCode: principal!.unit,
              name: v.name.trim(),
              ...(v.description?.trim() ? { description: v.description.trim() } : {}),
              eligibleNomineeKinds: v.eligibleNomineeKinds,
              period: { from: v.period[0].format('YYYY-MM-DD'), to: v.period[1].format('YYYY-MM-DD') },
            })}
          >
            <Typography.Paragraph type="secondary">{t('categories.forUnit', { unit: principal!.unit })}</Typography.Paragraph>
            <Form.Item name="name" label={t('categories.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input />
            </Form.Item>
            <Form.Item name="description" label={t('categories.description')}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="eligibleNomineeKinds" label={t('categories.eligible')} rules={[{ required: true, type: 'array', min: 1, message: t('categories.chooseKind') }]}>
              <Checkbox.Group options={NOMINEE_KINDS.map((k) => ({ value: k, label: t(`award.kind_${k}`) }))} />
            </Form.Item>
            <Form.Item name="period" label={t('categories.period')} rules={[{ required: true, message: t('common.required') }]}>
              <DatePicker.RangePicker format={DATE_INPUT_FORMATS} />
            </Form.Item>
          </ActionForm>
        )}
        <Link to="/nominations">{t('nav.nominations')}</Link>
      </Space>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<AwardCategoryRow>
        rowKey="categoryId"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('common.empty') }}
        pagination={serverPagination(t, list.data, { current: page, pageSize: 20, onChange: setPage })}
        columns={[
          { title: t('categories.name'), render: (_, c) => <><div>{c.name}</div>{c.description && <Typography.Text type="secondary">{c.description}</Typography.Text>}</> },
          { title: t('common.unit'), dataIndex: 'unitCode', width: 110 },
          { title: t('categories.eligible'), render: (_, c) => c.eligibleNomineeKinds.map((k) => t(`award.kind_${k}`, { defaultValue: k })).join(', '), width: 220 },
          { title: t('categories.period'), render: (_, c) => (c.period ? `${formatDate(c.period.from)} – ${formatDate(c.period.to)}` : '—'), width: 210 },
          {
            title: t('common.status'),
            width: 150,
            render: (_, c) => {
              const phase = categoryPhase(c, today);
              return <ColourTag colour={PHASE_COLOUR[phase]}>{t(`categories.phase_${phase}`)}</ColourTag>;
            },
          },
        ]}
      />
    </Space>
  );
}
