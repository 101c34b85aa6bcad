import fs from 'node:fs';
import path from 'node:path';

/** WCAG 2.x contrast of the colour pairs the stylesheet uses, read from its custom properties. */
const css = fs.readFileSync(path.join(__dirname, '../ui/styles.css'), 'utf8');
const colours = Object.fromEntries([...css.matchAll(/--color-([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test('contrast() matches known values', () => {
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
});

// [foreground, background, minimum]: 4.5 for text, 3 for the focus ring and field borders (non-text).
// The focus ring has a 2px outline-offset, so it always sits on the page background, also around
// dark buttons (no colour can reach 3:1 against both white and the dark teal).
const pairs: [string, string, number][] = [
  ['text', 'bg', 4.5],
  ['text', 'surface', 4.5],
  ['muted', 'bg', 4.5],
  ['link', 'bg', 4.5],
  ['primary', 'bg', 4.5],
  ['on-primary', 'primary', 4.5],
  ['error', 'bg', 4.5],
  ['text', 'error-bg', 4.5],
  ['focus', 'bg', 3],
  ['border', 'bg', 3],
];

test.each(pairs)('%s on %s reaches %p:1', (fg, bg, min) => {
  expect(colours[fg]).toBeDefined();
  expect(colours[bg]).toBeDefined();
  expect(contrast(colours[fg], colours[bg])).toBeGreaterThanOrEqual(min);
});
