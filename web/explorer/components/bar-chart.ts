import { h, svg } from '../dom';

export interface Bar {
  label: string;
  value: number;
  /** Makes the bar a link (and so a tab stop). */
  href?: string;
  /** Colours the bar ("kind-dataset", "role-uses"); see explorer.css. */
  colorClass?: string;
}

export interface BarChartOptions {
  caption: string;
  bars: Bar[];
  /** Words for a value, for the label read out and shown at the bar's end ("5 papers"). */
  describe: (value: number) => string;
}

const ROW_HEIGHT = 38;
const BAR_HEIGHT = 14;
const LABEL_BASELINE = 14;
const MAX_LABEL_LENGTH = 60;
/** The widest bar leaves room for its value on its right. */
const MAX_BAR_PERCENT = 82;

/**
 * A horizontal bar chart in SVG whose bars and labels are laid out in percentages of its width,
 * so it fits any screen without measuring. Labels sit above the bars, where long names fit.
 */
export function barChart({ caption, bars, describe }: BarChartOptions): HTMLElement {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const captionId = `chart-${caption.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const rows = bars.map((bar, index) => {
    const y = index * ROW_HEIGHT;
    const percent = bar.value === 0 ? 0 : Math.max(0.6, (bar.value / max) * MAX_BAR_PERCENT);
    const label =
      bar.label.length > MAX_LABEL_LENGTH
        ? `${bar.label.slice(0, MAX_LABEL_LENGTH - 1)}…`
        : bar.label;
    const spoken = `${bar.label}: ${describe(bar.value)}`;
    const row = svg(
      'g',
      { class: 'bar-row' },
      svg('title', null, spoken),
      svg('rect', { class: 'bar-hit', x: 0, y, width: '100%', height: ROW_HEIGHT - 2 }),
      svg('text', { class: 'bar-label', x: 0, y: y + LABEL_BASELINE }, label),
      svg('rect', {
        class: `bar ${bar.colorClass ?? ''}`,
        x: 0,
        y: y + LABEL_BASELINE + 5,
        width: `${percent}%`,
        height: BAR_HEIGHT,
        rx: 2,
      }),
      svg(
        'text',
        { class: 'bar-value', x: `${percent + 1}%`, y: y + LABEL_BASELINE + 5 + BAR_HEIGHT - 2 },
        String(bar.value),
      ),
    );
    return bar.href ? svg('a', { href: bar.href, 'aria-label': spoken }, row) : row;
  });
  return h(
    'figure',
    { class: 'chart' },
    h('figcaption', { id: captionId }, caption),
    bars.length === 0
      ? h('p', { class: 'empty' }, 'Nothing to show yet.')
      : svg(
          'svg',
          {
            class: 'bar-chart',
            width: '100%',
            height: bars.length * ROW_HEIGHT,
            'aria-labelledby': captionId,
            role: 'group',
          },
          rows,
        ),
  );
}
