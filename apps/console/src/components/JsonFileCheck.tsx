import { type ReactNode, useState } from 'react';
import { Alert, Button, Space, Typography, Upload } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';
import { readJsonFile } from '../lib/integrity';
import { ErrorAlert } from './common';

/**
 * A JSON file the user picks (an exported checkpoint or report), read here and checked by `check`;
 * a file that cannot be read is said so, the service's refusal is shown as such, and the outcome is
 * drawn by `children`.
 */
export function JsonFileCheck<R>({ help, check, children }: { help: string; check: (file: Record<string, unknown>) => Promise<R>; children: (result: R) => ReactNode }) {
  const { t } = useTranslation();
  const [name, setName] = useState<string>();
  const run = useMutation({ mutationFn: async (file: File) => check(await readJsonFile(file)) });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {help}
      </Typography.Paragraph>
      <Upload
        accept="application/json,.json"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          setName(file.name);
          run.mutate(file);
          return false;
        }}
      >
        <Button loading={run.isPending}>{t('sealed.chooseFile')}</Button>
      </Upload>
      {name && <Typography.Text>{name}</Typography.Text>}
      {run.error instanceof ApiError ? (
        <ErrorAlert error={run.error} />
      ) : run.error ? (
        <Alert role="alert" type="error" showIcon message={t('sealed.fileUnreadable')} description={run.error.message} />
      ) : null}
      {run.data !== undefined && children(run.data)}
    </Space>
  );
}
