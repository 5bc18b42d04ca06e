import type { Lang } from '../../common/errors/i18n';
import type { ChartData } from '../reports.service';

type Text = Record<Lang, string>;

/** A Vega-Lite specification (the JSON the renderer compiles). */
export type VegaLiteSpec = Record<string, unknown>;

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 320;

/** The series of each chart, in the caller's language: what the legend shows. */
export const SERIES_LABELS = {
  awarded: { en: 'Awarded', id: 'Diberikan' },
  disbursed: { en: 'Disbursed', id: 'Dicairkan' },
  accepted: { en: 'Accepted spending', id: 'Belanja diterima' },
  planned: { en: 'Hours planned', id: 'Jam direncanakan' },
  done: { en: 'Hours done', id: 'Jam terlaksana' },
  winner: { en: 'Winner', id: 'Juara 1' },
  runner_up: { en: 'Runner-up', id: 'Juara 2' },
  special_mention: { en: 'Special mention', id: 'Penghargaan khusus' },
  none: { en: 'No award', id: 'Tanpa penghargaan' },
  yearMean: { en: 'Mean of the year', id: 'Rata-rata tahun' },
  unknownProvince: { en: 'Unknown province', id: 'Provinsi tidak diketahui' },
} satisfies Record<string, Text>;

const T = {
  grantTitle: { en: 'Grant money by year', id: 'Dana hibah per tahun' },
  cohortTitle: { en: 'Cohort size by year and province', id: 'Jumlah sekolah kohort per tahun dan provinsi' },
  mentoringTitle: { en: 'Mentoring hours: done vs planned', id: 'Jam pendampingan: terlaksana vs direncanakan' },
  competitionTitle: { en: 'Competition scores by year', id: 'Nilai kompetisi per tahun' },
  year: { en: 'Program year', id: 'Tahun program' },
  millions: { en: 'Million rupiah', id: 'Juta rupiah' },
  schools: { en: 'Schools in the cohort', id: 'Sekolah dalam kohort' },
  province: { en: 'Province', id: 'Provinsi' },
  hours: { en: 'Hours', id: 'Jam' },
  score: { en: "Entry's mean judge score (0–100)", id: 'Rata-rata nilai juri per karya (0–100)' },
  award: { en: 'Award', id: 'Penghargaan' },
  money: { en: 'Money', id: 'Dana' },
  mentoring: { en: 'Mentoring', id: 'Pendampingan' },
} satisfies Record<string, Text>;

/** Number and date formatting of the chart's axes and labels: Indonesian separators for `id`. */
function locale(lang: Lang): Record<string, unknown> {
  return lang === 'id'
    ? { number: { decimal: ',', thousands: '.', grouping: [3], currency: ['Rp', ''] } }
    : { number: { decimal: '.', thousands: ',', grouping: [3], currency: ['IDR ', ''] } };
}

function base(title: Text, subtitle: string, lang: Lang): VegaLiteSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title[lang], subtitle, anchor: 'start', fontSize: 16 },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    background: 'white',
    config: { font: 'DejaVu Sans', locale: locale(lang), legend: { orient: 'bottom', direction: 'horizontal', columns: 3, labelFontSize: 12, titleFontSize: 12, labelLimit: 0, columnPadding: 16 }, axis: { labelFontSize: 11, titleFontSize: 12 } },
  };
}

/** Whole rupiah (digit string) in millions, for drawing only: the figures themselves stay exact. */
const millions = (rupiah: string) => Number(BigInt(rupiah) / 1000n) / 1000;

/** The Vega-Lite specification of a portfolio chart, titled, labelled and formatted in `lang`. */
export function chartSpec(data: ChartData, lang: Lang): VegaLiteSpec {
  const subtitle = `${data.program.name} — ${data.program.company.name}`;
  switch (data.name) {
    case 'grant-money-by-year': {
      const order = [SERIES_LABELS.awarded[lang], SERIES_LABELS.disbursed[lang], SERIES_LABELS.accepted[lang]];
      const values = data.series.flatMap((y) => [
        { year: String(y.year), series: order[0], value: millions(y.grants.awarded) },
        { year: String(y.year), series: order[1], value: millions(y.grants.disbursed) },
        { year: String(y.year), series: order[2], value: millions(y.grants.accepted) },
      ]);
      return {
        ...base(T.grantTitle, subtitle, lang),
        data: { values },
        mark: { type: 'bar', tooltip: true },
        encoding: {
          x: { field: 'year', type: 'ordinal', title: T.year[lang], axis: { labelAngle: 0 } },
          xOffset: { field: 'series', sort: order },
          y: { field: 'value', type: 'quantitative', title: T.millions[lang], axis: { format: ',.0f' } },
          color: { field: 'series', type: 'nominal', title: T.money[lang], sort: order, scale: { domain: order, range: ['#9ecae1', '#3182bd', '#31a354'] } },
        },
      };
    }
    case 'mentoring-hours': {
      const order = [SERIES_LABELS.planned[lang], SERIES_LABELS.done[lang]];
      const values = data.series.flatMap((y) => [
        { year: String(y.year), series: order[0], hours: y.mentoring.plannedHours },
        { year: String(y.year), series: order[1], hours: y.mentoring.hoursDone },
      ]);
      return {
        ...base(T.mentoringTitle, subtitle, lang),
        data: { values },
        mark: { type: 'bar', tooltip: true },
        encoding: {
          x: { field: 'year', type: 'ordinal', title: T.year[lang], axis: { labelAngle: 0 } },
          xOffset: { field: 'series', sort: order },
          y: { field: 'hours', type: 'quantitative', title: T.hours[lang], axis: { format: ',.0f' } },
          color: { field: 'series', type: 'nominal', title: T.mentoring[lang], sort: order, scale: { domain: order, range: ['#bdbdbd', '#e6550d'] } },
        },
      };
    }
    case 'cohort-by-year-province': {
      const values = data.series.flatMap((y) =>
        y.cohort.byProvince.map((p) => ({ year: String(y.year), province: p.provinceName ?? p.provinceCode ?? SERIES_LABELS.unknownProvince[lang], schools: p.schools })),
      );
      return {
        ...base(T.cohortTitle, subtitle, lang),
        data: { values },
        mark: { type: 'bar', tooltip: true },
        encoding: {
          x: { field: 'year', type: 'ordinal', title: T.year[lang], axis: { labelAngle: 0 } },
          y: { field: 'schools', type: 'quantitative', aggregate: 'sum', title: T.schools[lang], axis: { format: ',.0f', tickMinStep: 1 } },
          color: { field: 'province', type: 'nominal', title: T.province[lang], scale: { scheme: 'tableau20' } },
        },
      };
    }
    case 'competition-scores': {
      const awards = (['winner', 'runner_up', 'special_mention', 'none', 'yearMean'] as const).map((a) => SERIES_LABELS[a][lang]);
      const award = (a: string | null) => SERIES_LABELS[(a === 'winner' || a === 'runner_up' || a === 'special_mention' ? a : 'none') as 'winner'][lang];
      const points = data.rows.map((r) => ({ year: String(r.year), score: r.meanScore, award: award(r.award) }));
      const means = [...new Map(data.rows.map((r) => [r.year, r.yearMean])).entries()].map(([year, mean]) => ({ year: String(year), mean, label: SERIES_LABELS.yearMean[lang] }));
      return {
        ...base(T.competitionTitle, subtitle, lang),
        layer: [
          {
            data: { values: points },
            mark: { type: 'circle', size: 70, opacity: 0.8, tooltip: true },
            encoding: {
              x: { field: 'year', type: 'ordinal', title: T.year[lang], axis: { labelAngle: 0 } },
              y: { field: 'score', type: 'quantitative', title: T.score[lang], scale: { domain: [0, 100] }, axis: { format: ',.0f' } },
              color: { field: 'award', type: 'nominal', title: T.award[lang], sort: awards, scale: { domain: awards, range: ['#d4a017', '#9e9e9e', '#8c564b', '#6baed6', '#d62728'] } },
            },
          },
          {
            data: { values: means },
            mark: { type: 'tick', thickness: 3, size: 30 },
            encoding: {
              x: { field: 'year', type: 'ordinal' },
              y: { field: 'mean', type: 'quantitative' },
              color: { field: 'label', type: 'nominal' },
            },
          },
        ],
      };
    }
  }
}
