import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api';
import { renderWith } from '../test-utils';
import { ErrorAlert, StatusTag } from './common';

describe('ErrorAlert', () => {
  it("shows the API's own message under a title a person understands", () => {
    renderWith(<ErrorAlert error={new ApiError(403, 'Progress of 58 is for the officers of its units; you act for 51-NGOKBAY.')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Bạn không có quyền thực hiện thao tác này');
    expect(screen.getByRole('alert')).toHaveTextContent('you act for 51-NGOKBAY');
  });
  it('says the server cannot be reached when the network fails', () => {
    renderWith(<ErrorAlert error={new ApiError(0, 'network')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Không kết nối được máy chủ');
  });
  it('shows nothing without an error', () => {
    renderWith(<ErrorAlert error={null} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('StatusTag', () => {
  it('names the status in Vietnamese with its colour', () => {
    renderWith(
      <>
        <StatusTag status="at-risk" />
        <StatusTag status="missed" />
      </>,
    );
    expect(screen.getByText('Có nguy cơ chậm')).toHaveAttribute('data-colour', 'orange');
    expect(screen.getByText('Không đạt')).toHaveAttribute('data-colour', 'red');
  });
});
