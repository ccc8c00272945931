import { useState } from 'react';
import { Badge, Button, Space, Switch, Table, Typography } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type Page } from '../../lib/api';
import { ErrorAlert } from '../../components/common';

export interface InboxItem {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly link: { readonly path: string };
  readonly createdAtDisplay: string;
  readonly read: boolean;
}

/** The console's routes a notification may link to; anything else is shown without a link. */
export const linkPathOf = (item: Pick<InboxItem, 'link'>): string | undefined => (/^\/[A-Za-z0-9/_\-.%:]*$/.test(item.link?.path ?? '') ? item.link.path : undefined);

/**
 * What the platform told this person (a report due, a registration approved, a certificate about to
 * expire, a score still owed), newest first: each links to its record and can be marked read.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['inbox', unreadOnly, page],
    queryFn: () => api.get<Page<InboxItem> & { unread: number }>('notifications', '/notifications', { unread: unreadOnly ? 'true' : undefined, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['inbox'] });
  const markRead = useMutation({ mutationFn: (id: string) => api.post('notifications', `/notifications/${encodeURIComponent(id)}/read`, {}), onSuccess: refresh });
  const markAll = useMutation({ mutationFn: () => api.post('notifications', '/notifications/read-all', {}), onSuccess: refresh });
  const unread = list.data?.unread ?? 0;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('inbox.title')}
        </Typography.Title>
        <Badge status={unread > 0 ? 'processing' : 'default'} text={t('inbox.unreadCount', { count: unread })} />
        <Switch checked={unreadOnly} onChange={(on) => (setUnreadOnly(on), setPage(1))} aria-label={t('inbox.unreadOnly')} />
        <span>{t('inbox.unreadOnly')}</span>
        <Button disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
          {t('inbox.markAll')}
        </Button>
      </Space>
      <ErrorAlert error={list.error ?? markRead.error ?? markAll.error} onRetry={() => void list.refetch()} />
      <Table<InboxItem>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('inbox.empty') }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          {
            title: t('inbox.notice'),
            render: (_, item) => {
              const path = linkPathOf(item);
              return (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong={!item.read}>{path ? <Link to={path}>{item.title}</Link> : item.title}</Typography.Text>
                  <Typography.Text type="secondary">{item.body}</Typography.Text>
                </Space>
              );
            },
          },
          { title: t('inbox.when'), dataIndex: 'createdAtDisplay', width: 170 },
          {
            title: '',
            width: 170,
            render: (_, item) =>
              item.read ? (
                <Typography.Text type="secondary">{t('inbox.read')}</Typography.Text>
              ) : (
                <Button size="small" onClick={() => markRead.mutate(item.id)} aria-label={`${t('inbox.markRead')}: ${item.title}`}>
                  {t('inbox.markRead')}
                </Button>
              ),
          },
        ]}
      />
    </Space>
  );
}
