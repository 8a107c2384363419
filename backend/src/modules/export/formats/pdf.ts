import { finished } from 'node:stream/promises';
import { PAIRED_SCORES_DEFINITION } from '@cairn/shared';
import PDFDocument from 'pdfkit';
import type { Funnel, OutcomeFigures, PracticeReport, Rate } from '../../report/report.types.js';
import { drained, type ExportRun } from './run.js';

const MARGIN = 50;
const PAGE = { width: 595.28, height: 841.89 };
const INK = '#1f2933';
const MUTED = '#616e7c';

const percent = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
const number = (x: number | null, digits = 1) => (x === null ? '-' : x.toFixed(digits));

function rateText(r: Rate | null): [string, string] {
  if (!r) return ['not shown', ''];
  if (r.rate === null) return [`0 of 0`, ''];
  return [`${percent(r.rate)}  (${r.numerator} of ${r.denominator})`, `${percent(r.lower)} to ${percent(r.upper)}`];
}

/** Label, value and 95% interval for each headline figure, in the order a manager reads them. */
function figureLines(f: OutcomeFigures): [string, string, string][] {
  const rates: [string, Rate | null][] = [
    ['Recovery (of those at caseness)', f.recovery],
    ['Reliable improvement', f.reliableImprovement],
    ['Reliable recovery (of those at caseness)', f.reliableRecovery],
    ['Reliable deterioration', f.reliableDeterioration],
    ['PHQ-9 response (>= 50% drop)', f.phq9Response],
    ['PHQ-9 remission (last < 5)', f.phq9Remission],
    ['Sessions with an alliance rating', f.allianceRated],
    ['Data completeness (paired scores)', f.dataCompleteness],
  ];
  const instrument = f.instrument === 'GAD7' ? 'GAD-7' : 'PHQ-9';
  return [
    ['Referrals (episodes started)', String(f.referrals), ''],
    ['Episodes ended', String(f.episodesEnded), ''],
    ['Finished courses (>= 2 sessions attended)', String(f.finishedCourses), ''],
    ['Finished episodes (with paired scores)', String(f.finishedEpisodes), ''],
    ['At caseness at the start', String(f.atCaseness), ''],
    ...rates.map(([label, r]): [string, string, string] => [label, ...rateText(r)]),
    [`Mean ${instrument} change (n = ${f.changeEpisodes})`, number(f.meanChange), ''],
    [`Pre-post effect size d (${instrument})`, number(f.effectSize, 2), ''],
    ['Mean attended sessions per episode', number(f.meanAttendedSessions), ''],
    [`Alliance mean, 0-40 (${f.allianceRatings} ratings)`, number(f.allianceMean), ''],
    [`Homework adherence (${f.homeworkEpisodes} episodes)`, percent(f.homeworkAdherence), ''],
    ['Mood logging adherence', percent(f.moodAdherence), ''],
  ];
}

function figuresTable(doc: PDFKit.PDFDocument, f: OutcomeFigures, top: number): number {
  const cols = [MARGIN, MARGIN + 250, MARGIN + 390];
  doc.font('Helvetica-Bold').fontSize(9).fillColor(MUTED);
  doc.text('Figure', cols[0], top, { lineBreak: false });
  doc.text('Value', cols[1], top, { lineBreak: false });
  doc.text('95% interval', cols[2], top, { lineBreak: false });
  let y = top + 16;
  doc.font('Helvetica').fontSize(9.5).fillColor(INK);
  for (const [label, value, interval] of figureLines(f)) {
    doc.text(label, cols[0], y, { lineBreak: false });
    doc.text(value, cols[1], y, { lineBreak: false });
    doc.text(interval, cols[2], y, { lineBreak: false });
    y += 14.5;
  }
  const note = `Paired scores: ${PAIRED_SCORES_DEFINITION}. A finished course without them counts in data completeness only.`;
  const width = PAGE.width - 2 * MARGIN;
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor(MUTED)
    .text(note, MARGIN, y + 4, { width });
  return y + 8 + doc.heightOfString(note, { width });
}

/** Recovery rate against n with the 95% and 99.8% limits, drawn with vector primitives. */
function funnelPlot(doc: PDFKit.PDFDocument, funnel: Funnel, top: number, therapists: number): void {
  const box = { x: MARGIN + 40, y: top + 20, w: PAGE.width - 2 * MARGIN - 50, h: 230 };
  const maxN = Math.max(1, ...funnel.limits.map((l) => l.n), ...funnel.points.map((p) => p.n));
  const sx = (n: number) => box.x + (n / maxN) * box.w;
  const sy = (rate: number) => box.y + box.h - rate * box.h;
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .fillColor(INK)
    .text('Recovery by therapist (funnel plot)', MARGIN, top, { lineBreak: false });

  doc.lineWidth(0.5).strokeColor('#9aa5b1');
  doc.rect(box.x, box.y, box.w, box.h).stroke();
  doc.font('Helvetica').fontSize(8).fillColor(MUTED);
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    doc
      .moveTo(box.x - 3, sy(tick))
      .lineTo(box.x, sy(tick))
      .stroke();
    doc.text(percent(tick), box.x - 38, sy(tick) - 3, { width: 33, align: 'right', lineBreak: false });
  }
  const step = Math.max(1, Math.ceil(maxN / 5 / 5) * 5);
  for (let n = 0; n <= maxN; n += step) {
    doc
      .moveTo(sx(n), box.y + box.h)
      .lineTo(sx(n), box.y + box.h + 3)
      .stroke();
    doc.text(String(n), sx(n) - 15, box.y + box.h + 6, { width: 30, align: 'center', lineBreak: false });
  }
  doc.text('Finished episodes at caseness (n)', box.x, box.y + box.h + 18, {
    width: box.w,
    align: 'center',
    lineBreak: false,
  });

  if (funnel.practiceRate === null || funnel.limits.length === 0) {
    doc
      .fontSize(9)
      .text('No finished episodes at caseness in this period.', box.x + 10, box.y + 10, { lineBreak: false });
    return;
  }
  const curve = (pick: (l: Funnel['limits'][number]) => number) => {
    funnel.limits.forEach((l, i) => (i === 0 ? doc.moveTo(sx(l.n), sy(pick(l))) : doc.lineTo(sx(l.n), sy(pick(l)))));
    doc.stroke();
  };
  doc.save();
  doc.rect(box.x, box.y, box.w, box.h).clip();
  doc.lineWidth(0.8).strokeColor('#c92a2a').dash(3, { space: 2 });
  curve((l) => l.lower998);
  curve((l) => l.upper998);
  doc.undash().strokeColor('#e8590c');
  curve((l) => l.lower95);
  curve((l) => l.upper95);
  doc.lineWidth(1).strokeColor('#1c7ed6');
  doc
    .moveTo(box.x, sy(funnel.practiceRate))
    .lineTo(box.x + box.w, sy(funnel.practiceRate))
    .stroke();
  doc.fillColor(INK);
  for (const p of funnel.points) doc.circle(sx(p.n), sy(p.rate), 3).fill();
  doc.restore();

  doc.font('Helvetica').fontSize(8).fillColor(MUTED);
  const legendY = box.y + box.h + 32;
  doc.text(
    `Line: practice rate ${percent(funnel.practiceRate)}. Orange: 95% limits. Red dashed: 99.8% limits ` +
      `(exact binomial, Spiegelhalter 2005). ` +
      `Dots: ${funnel.points.length} therapist(s) with at least 15 finished episodes` +
      (therapists > funnel.points.length ? '; the others have too few to plot.' : '.'),
    MARGIN,
    legendY,
    { width: PAGE.width - 2 * MARGIN },
  );
}

function heading(doc: PDFKit.PDFDocument, title: string, subtitle: string): void {
  doc.font('Helvetica-Bold').fontSize(16).fillColor(INK).text(title, MARGIN, MARGIN, { lineBreak: false });
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(MUTED)
    .text(subtitle, MARGIN, MARGIN + 22, { width: PAGE.width - 2 * MARGIN });
}

/** Page 1: headline figures and the funnel plot; then one page per therapist. Aggregates only, no client data. */
export async function writePdf(run: ExportRun): Promise<void> {
  const { from, to } = run.request;
  const report: PracticeReport = await run.reports.build(run.db, { from, to }, 'PHQ9', null);
  const practice = await run.db.one<{ name: string }>(`SELECT name FROM practice`);
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: 'Practice outcomes', Creator: 'Cairn' } });
  doc.pipe(run.out);
  const period = `Episodes that ended ${from} to ${to}. Rates carry Wilson 95% intervals (NHS Talking Therapies definitions).`;

  heading(doc, `${practice?.name ?? 'Practice'}: outcomes`, period);
  const y = figuresTable(doc, report.practice, MARGIN + 50);
  funnelPlot(doc, report.funnel, y + 14, report.therapists.length);
  run.wrote(1);

  for (const t of report.therapists) {
    await drained(run.out);
    doc.addPage();
    heading(doc, t.therapistName, period);
    const bottom = figuresTable(doc, t.figures, MARGIN + 50);
    if (t.insufficientData) {
      doc
        .font('Helvetica-Oblique')
        .fontSize(9.5)
        .fillColor(MUTED)
        .text(
          `Insufficient data: ${t.figures.finishedEpisodes} finished episode(s), fewer than 15, so rates are not shown.`,
          MARGIN,
          bottom + 10,
          { width: PAGE.width - 2 * MARGIN },
        );
    }
    run.wrote(1);
  }
  doc.end();
  await finished(run.out);
}
