// Open the reveal.js deck in headless Chromium, advance it with the right
// arrow key as a lecturer would, save a screenshot of every state, and check
// that kgraph's steps appear one per key press: on a slide showing step k,
// the elements of steps 1..k are opaque and those of later steps hidden
// (opacity 0), or faint (opacity 0.15) on a slide marked data-kg-reveal="dim".
//
//   node check-deck.mjs DECK.html SHOTS-DIR
//
// Chromium is the system's (CHROME_PATH, default /usr/bin/chromium), driven
// by playwright-core, which downloads no browser of its own. Exit status 1
// when a check fails.

import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [deck, shots] = process.argv.slice(2);
if (!deck || !shots) {
  console.error('usage: node check-deck.mjs DECK.html SHOTS-DIR');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
await page.goto(pathToFileURL(resolve(deck)).href);
await page.waitForFunction(() => window.Reveal && window.Reveal.isReady());

// For the current slide: its indices, how many steps its diagram has, and
// for each step the lowest and highest opacity of its elements.
const state = () => page.evaluate(() => {
  const slide = Reveal.getCurrentSlide();
  const svg = slide.querySelector('.kg-diagram svg');
  const out = { ...Reveal.getIndices(), dim: slide.dataset.kgReveal === 'dim',
                steps: {} };
  if (!svg) return out;
  svg.querySelectorAll('[class]').forEach((el) => {
    const m = /(?:^|\s)step-(\d+)(?:\s|$)/.exec(el.getAttribute('class'));
    if (!m) return;
    const cs = getComputedStyle(el);
    const o = cs.visibility === 'hidden' ? 0 : Number(cs.opacity);
    const s = out.steps[m[1]] || (out.steps[m[1]] = { n: 0, min: 1, max: 0 });
    s.n++; s.min = Math.min(s.min, o); s.max = Math.max(s.max, o);
  });
  return out;
});

let failed = 0;
let shot = 0;
const total = await page.evaluate(() => Reveal.getTotalSlides());
for (;;) {
  await page.waitForTimeout(1200);           // let the slide and fade transitions end
  const s = await state();
  const name = `${shots}/reveal-${String(++shot).padStart(2, '0')}.png`;
  await page.screenshot({ path: name });
  const shown = (s.f === undefined ? -1 : s.f) + 2;   // step on screen
  const parts = Object.entries(s.steps).map(([k, v]) => {
    const want = Number(k) <= shown ? 1 : (s.dim ? 0.15 : 0);
    const ok = Math.abs(v.min - want) < 0.01 && Math.abs(v.max - want) < 0.01;
    if (!ok) failed++;
    return `step-${k}: ${v.n} elements, opacity ${v.min}..${v.max}` +
      (ok ? '' : ` (expected ${want})`);
  });
  console.log(`${name}: slide ${s.h + 1}/${total}` +
    (parts.length ? `, showing step ${shown}${s.dim ? ' (dim)' : ''}; ` +
      parts.join('; ') : ''));
  if (await page.evaluate(() => Reveal.isLastSlide() &&
      !Reveal.availableFragments().next)) break;
  await page.keyboard.press('ArrowRight');
  if (shot > 50) { console.error('check-deck: the deck does not end'); failed++; break; }
}
await browser.close();
for (const e of errors) { console.error(`check-deck: page error: ${e}`); failed++; }
if (failed) {
  console.error(`check-deck: ${failed} check(s) failed`);
  process.exit(1);
}
console.log(`check-deck: ${shot} screenshots in ${shots}, every step as expected`);
