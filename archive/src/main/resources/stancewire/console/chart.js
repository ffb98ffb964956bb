// Stance over time with uPlot (loaded from its WebJar by index.html as the global uPlot).
import {el} from './dom.js';

export const LABELS = ['FAVOR', 'AGAINST', 'NEUTRAL', 'NONE'];
/** (FAVOR − AGAINST) / quotes of the week: +1 all in favour, −1 all against. */
export function score(week) {
  return week.total ? ((week.counts.FAVOR || 0) - (week.counts.AGAINST || 0)) / week.total : 0;
}

const COLOURS = {FAVOR: '#1a7f37', AGAINST: '#cf222e', NEUTRAL: '#6e7781', NONE: '#bf8700'};

export function stanceChart(container, weeks) {
  if (!window.uPlot) {
    container.append(el('p', {class: 'empty'}, 'The chart library did not load; the numbers are in the table below.'));
    return null;
  }
  const xs = weeks.map(w => Date.parse(w.week + 'T00:00:00Z') / 1000);
  const data = [xs, ...LABELS.map(l => weeks.map(w => w.counts[l] || 0)),
    weeks.map(score)];
  const opts = {
    width: Math.max(320, container.clientWidth || 800),
    height: 280,
    tzDate: ts => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: {x: {time: true}, score: {range: [-1, 1]}},
    series: [
      {label: 'week'},
      ...LABELS.map(l => ({label: l, stroke: COLOURS[l], width: 2, points: {show: true, size: 6}})),
      {label: 'score (favor − against)', stroke: '#0969da', width: 1, dash: [6, 4], scale: 'score'},
    ],
    axes: [{}, {label: 'quotes'}, {label: 'score', scale: 'score', side: 1, grid: {show: false}}],
  };
  return new uPlot(opts, data, container);
}
