// Stroke icons drawn with SVG DOM calls (shapes adapted from Lucide, ISC licence).

const SVG = 'http://www.w3.org/2000/svg';

type Shape = [tag: 'path' | 'circle' | 'rect' | 'polyline', attrs: Record<string, string>];

const p = (d: string): Shape => ['path', { d }];

const ICONS = {
  open: [
    p(
      'm6 14 1.5-2.9A2 2 0 0 1 9.24 10H20a2 2 0 0 1 1.94 2.5l-1.54 6a2 2 0 0 1-1.95 1.5H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h3.9a2 2 0 0 1 1.69.9l.81 1.2a2 2 0 0 0 1.67.9H18a2 2 0 0 1 2 2v2',
    ),
  ],
  recent: [p('M3 12a9 9 0 1 0 9-9 9.75 9.75 0 0 0-6.74 2.74L3 8'), p('M3 3v5h5'), p('M12 7v5l4 2')],
  history: [
    ['rect', { x: '2', y: '3', width: '20', height: '5', rx: '1' }],
    p('M4 8v11a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8'),
    p('M10 12h4'),
  ],
  search: [['circle', { cx: '11', cy: '11', r: '8' }], p('m21 21-4.3-4.3')],
  trash: [p('M3 6h18'), p('M19 6v14c0 1-1 2-2 2H7c-1 0-2-1-2-2V6'), p('M8 6V4c0-1 1-2 2-2h4c1 0 2 1 2 2v2')],
  info: [['circle', { cx: '12', cy: '12', r: '10' }], p('M12 16v-4'), p('M12 8h.01')],
  export: [p('M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4'), p('M7 10l5 5 5-5'), p('M12 15V3')],
  help: [['circle', { cx: '12', cy: '12', r: '10' }], p('M9.09 9a3 3 0 0 1 5.83 1c0 2-3 3-3 3'), p('M12 17h.01')],
  close: [p('M18 6 6 18'), p('m6 6 12 12')],
  copy: [
    ['rect', { x: '8', y: '8', width: '14', height: '14', rx: '2', ry: '2' }],
    p('M4 16c-1.1 0-2-.9-2-2V4c0-1.1.9-2 2-2h10c1.1 0 2 .9 2 2'),
  ],
  check: [p('M20 6 9 17l-5-5')],
  chevron: [p('m6 9 6 6 6-6')],
  alert: [['circle', { cx: '12', cy: '12', r: '10' }], p('M12 8v4'), p('M12 16h.01')],
  warning: [
    p('m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3'),
    p('M12 9v4'),
    p('M12 17h.01'),
  ],
  retry: [
    p('M3 12a9 9 0 0 1 9-9 9.75 9.75 0 0 1 6.74 2.74L21 8'),
    p('M21 3v5h-5'),
    p('M21 12a9 9 0 0 1-9 9 9.75 9.75 0 0 1-6.74-2.74L3 16'),
    p('M8 16H3v5'),
  ],
  shield: [p('M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z'), p('m9 12 2 2 4-4')],
  file: [
    p('M14.5 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V7.5L14.5 2z'),
    p('M14 2v6h6'),
    p('M16 13H8'),
    p('M16 17H8'),
    p('M10 9H8'),
  ],
  drop: [p('M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4'), p('M17 8l-5-5-5 5'), p('M12 3v12')],
  logo: [
    ['rect', { x: '3', y: '3', width: '18', height: '18', rx: '4' }],
    p('M7.5 8.5h9'),
    p('M7.5 12h6'),
    p('M7.5 15.5h7.5'),
  ],
} satisfies Record<string, Shape[]>;

export type IconName = keyof typeof ICONS;

export function icon(name: IconName, className = 'icon'): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', className);
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const [tag, attrs] of ICONS[name] as Shape[]) {
    const shape = document.createElementNS(SVG, tag);
    for (const [attr, value] of Object.entries(attrs)) shape.setAttribute(attr, value);
    svg.appendChild(shape);
  }
  return svg;
}
