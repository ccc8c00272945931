import ReactECharts from 'echarts-for-react';

/** Bars by year (actual), with the required level as a line when there is one. */
export function YearChart({ years, actual, required, title, ariaLabel }: { years: number[]; actual: number[]; required?: number | null; title: string; ariaLabel: string }) {
  const option = {
    aria: { enabled: true },
    title: { text: title, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        data: actual,
        itemStyle: { color: '#0b5394' },
        markLine: required ? { symbol: 'none', data: [{ yAxis: required }], lineStyle: { color: '#d4380d', type: 'dashed' } } : undefined,
      },
    ],
  };
  return (
    <div role="img" aria-label={ariaLabel}>
      <ReactECharts option={option} style={{ height: 260 }} notMerge />
    </div>
  );
}
