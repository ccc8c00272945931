import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { downloadFile, type Query, type Service } from '../lib/api';
import { ErrorAlert } from './common';

type Format = 'csv' | 'xlsx';

/**
 * Downloads the list as the user sees it — the same filter — as CSV or Excel, from the list's export
 * route (the API writes Vietnamese headers and dates dd/mm/yyyy). A refusal shows beside the buttons.
 */
export function ExportButtons({ service, path, query = {}, name }: { service: Service; path: string; query?: Query; name: string }) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: (format: Format) => {
      const filter = Object.fromEntries(Object.entries(query).filter(([k]) => k !== 'page' && k !== 'pageSize'));
      return downloadFile(service, path, { ...filter, format }, `${name}.${format}`);
    },
  });
  return (
    <Space direction="vertical" size={4}>
      <Space wrap>
        {(['csv', 'xlsx'] as const).map((format) => (
          <Button key={format} icon={<DownloadOutlined />} loading={download.isPending && download.variables === format} onClick={() => download.mutate(format)}>
            {t(`export.${format}`)}
          </Button>
        ))}
      </Space>
      {download.error && <ErrorAlert error={download.error} />}
    </Space>
  );
}
