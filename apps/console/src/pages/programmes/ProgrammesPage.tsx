import { useState } from 'react';
import { Form, Input, Select, Space, Table, Typography } from 'antd';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider';
import { hasRole, isOfficer } from '../../auth/claims';
import { api, type Page } from '../../lib/api';
import { formatDate } from '../../lib/format';
import type { Programme } from '../../lib/types';
import { ActionForm } from '../../components/ActionForm';
import { ErrorAlert, NotAllowed, StatusTag } from '../../components/common';
import { EditProgramme, ProgrammeTermsFields } from './EditProgramme';
import { serverPagination } from '../../lib/listPaging';

export const PROGRAMME_WRITERS = ['province-admin', 'department-officer'] as const;

interface ProgrammeForm {
  name: string;
  unitCode: string;
  legalBasis: string;
  planDocumentNumber?: string;
  toolsOffered: string[];
  eligibleGroups: string[];
  dates: [Dayjs, Dayjs];
  capacity: number;
  amountVnd?: number;
}

/** Support programmes (chương trình hỗ trợ) of the officer's unit subtree; province and department officers create and close them. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<string>();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['programmes', 'officer', principal?.unit, q, status, page],
    enabled: isOfficer(principal),
    queryFn: () => api.get<Page<Programme>>('support-programs', '/programmes', { unit: principal!.unit, q, status, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  if (!isOfficer(principal)) return <NotAllowed />;
  const writer = hasRole(principal, ...PROGRAMME_WRITERS);
  // The list is a read model fed by the events: refresh now and once more a moment later.
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['programmes'] });
    setTimeout(() => void queryClient.invalidateQueries({ queryKey: ['programmes'] }), 1500);
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('nav.programmes')}
      </Typography.Title>
      <Space wrap>
        <Input.Search aria-label={t('common.search')} placeholder={t('common.search')} allowClear onSearch={(v) => { setQ(v); setPage(1); }} style={{ width: 300 }} />
        <Select aria-label={t('common.status')} allowClear placeholder={t('common.status')} style={{ width: 180 }} value={status} onChange={(v) => { setStatus(v); setPage(1); }} options={['open', 'closed'].map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        {writer && (
          <ActionForm<ProgrammeForm>
            primary
            label={t('programme.create')}
            doneMessage={t('programme.created')}
            initialValues={{ unitCode: principal!.unit, capacity: 2, toolsOffered: ['5s', 'kaizen'], eligibleGroups: ['sme', 'cooperative'] }}
            send={(body) => api.post('support-programs', '/programmes', body)}
            onDone={refresh}
            toBody={(v) => ({
              name: v.name.trim(),
              unitCode: v.unitCode.trim(),
              legalBasis: v.legalBasis.split('\n').map((l) => l.trim()).filter(Boolean),
              ...(v.planDocumentNumber ? { planDocumentNumber: v.planDocumentNumber.trim() } : {}),
              toolsOffered: v.toolsOffered,
              eligibleGroups: v.eligibleGroups,
              openingDate: v.dates[0].format('YYYY-MM-DD'),
              closingDate: v.dates[1].format('YYYY-MM-DD'),
              capacity: v.capacity,
              funding: { sources: ['state-budget'], ...(v.amountVnd ? { amountVnd: v.amountVnd } : {}) },
            })}
          >
            <Form.Item name="name" label={t('programme.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input />
            </Form.Item>
            <Form.Item name="unitCode" label={t('common.unit')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input />
            </Form.Item>
            <ProgrammeTermsFields />
          </ActionForm>
        )}
      </Space>
      <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<Programme>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={serverPagination(t, list.data, { current: page, pageSize: 20, onChange: setPage })}
        columns={[
          { title: t('programme.name'), dataIndex: 'name' },
          { title: t('common.unit'), dataIndex: 'unitCode', width: 120 },
          { title: t('registration.tools'), render: (_, p) => p.toolsOffered.map((x) => t(`tool.${x}`, { defaultValue: x })).join(', ') },
          { title: t('programme.window'), render: (_, p) => `${formatDate(p.openingDate)} – ${formatDate(p.closingDate)}`, width: 200 },
          { title: t('enterprise.seats'), render: (_, p) => `${p.seatsTaken}/${p.capacity}`, width: 90 },
          { title: t('common.status'), render: (_, p) => <StatusTag status={p.status} />, width: 110 },
          {
            title: t('common.actions'),
            width: 190,
            render: (_, p) =>
              writer && p.status === 'open' ? (
                <Space wrap>
                  <EditProgramme programme={p} onDone={refresh} />
                  <ActionForm<{ reason: string }> danger label={t('programme.close')} doneMessage={t('programme.closed')} send={(body) => api.post('support-programs', `/programmes/${encodeURIComponent(p.id)}/close`, body)} onDone={refresh} toBody={(v) => v}>
                    <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                      <Input.TextArea rows={2} />
                    </Form.Item>
                  </ActionForm>
                </Space>
              ) : null,
          },
        ]}
      />
    </Space>
  );
}
