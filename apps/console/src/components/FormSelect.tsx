import { Select, type SelectProps } from 'antd';
import { matchesIgnoringDiacritics } from '../lib/format';

/**
 * A Select inside a required Form.Item: Ant Design puts aria-required on the Select's outer div, where
 * ARIA does not allow it (axe: aria-required is critical). The form still validates and shows the
 * asterisk; the attribute is dropped.
 */
export function FormSelect(props: SelectProps & { 'aria-required'?: unknown }) {
  const { 'aria-required': _required, ...rest } = props;
  // Typing filters the options ignoring diacritics (“ngok bay” finds “Ngọk Bay”), as the APIs search.
  return <Select showSearch filterOption={(input, option) => matchesIgnoringDiacritics(String(option?.label ?? ''), input)} {...rest} />;
}
