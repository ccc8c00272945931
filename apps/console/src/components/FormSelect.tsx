import { Select, type SelectProps } from 'antd';

/**
 * A Select inside a required Form.Item: Ant Design puts aria-required on the Select's outer div, where
 * ARIA does not allow it (axe: aria-required is critical). The form still validates and shows the
 * asterisk; the attribute is dropped.
 */
export function FormSelect(props: SelectProps & { 'aria-required'?: unknown }) {
  const { 'aria-required': _required, ...rest } = props;
  return <Select {...rest} />;
}
