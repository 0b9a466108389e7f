import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import { CountTable } from '@/components/dashboard/CountTable';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** One bar chart (Chart.js), redrawn in place when its data changes; the numbers are also in a table for screen readers. */
export function BarChart({
  title,
  data,
  horizontal = false,
  language,
}: {
  title: string;
  data: Array<[string, number]>;
  horizontal?: boolean;
  language: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    chart.current = new Chart(canvas.current, {
      type: 'bar',
      data: { labels: [], datasets: [{ label: title, data: [], backgroundColor: '#b3261e' }] },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: language === 'vi' ? 'vi-VN' : 'en-GB',
        scales: { [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { tooltip: { enabled: true } },
      },
    });
    return () => chart.current?.destroy();
  }, [title, horizontal, language]);
  useEffect(() => {
    if (!chart.current) return;
    const shown = horizontal ? data.slice(0, 12) : data;
    chart.current.data.labels = shown.map(([label]) => label);
    chart.current.data.datasets[0]!.data = shown.map(([, n]) => n);
    chart.current.update();
  }, [data, horizontal]);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div className="canvas">
        <canvas ref={canvas} role="img" aria-label={title} />
      </div>
      <CountTable rows={data} className="sr-only" />
    </figure>
  );
}
