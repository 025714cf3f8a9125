// Speed of the 一图读懂 picture: the PNG of an ordinary report (the anchor), and
// of one whose figures are absurd (1e308, negatives), which must cost what the
// ordinary one costs (goal: within 1.5×; before the figures were clamped it
// took 6–15× as long). The machine is shared: the best run is printed beside
// the median, and the ratio compares like with like.
import { loadavg } from 'node:os';
import { composeWithCharts, infographicPng } from '../src/main/services/infographic';
import { defaultHighlights } from '../src/shared/infographic';
import { CELLS } from '../src/shared/model/cells';
import { setCells, type Report } from '../src/shared/model/report';
import { busy } from '../tests/fixtures/busy-years';
import { timing } from './timing';

const GOAL_RATIO = 1.5;

/** resvg loads on the first picture: the warm-up run of `timing` pays it, not the timed ones. */
async function png(report: Report): Promise<void> {
  await infographicPng(composeWithCharts({ report, previous: null, highlights: defaultHighlights(report) }), 750);
}

export async function run(): Promise<void> {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const absurd = setCells(
    busy,
    CELLS.map((c, i) => [c.key, i % 3 === 0 ? 1e308 : i % 3 === 1 ? -(i + 1) : 7]),
  );
  const ordinary = await timing(3, () => png(busy));
  const heavy = await timing(3, () => png(absurd));
  console.log(`png ordinary  median ${ordinary.median.toFixed(0)} ms, best ${ordinary.best.toFixed(0)} ms`);
  console.log(`png absurd    median ${heavy.median.toFixed(0)} ms, best ${heavy.best.toFixed(0)} ms`);
  const ratio = heavy.best / ordinary.best;
  console.log(`absurd ÷ ordinary ${ratio.toFixed(2)}× (goal ≤ ${GOAL_RATIO}×: ${ratio <= GOAL_RATIO ? 'meets goal' : 'MISSES goal'})`);
}
