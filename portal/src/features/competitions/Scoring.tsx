import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { fieldPathToFormName, toProblem, type FieldProblem } from '../../api/problem';
import { useI18n } from '../../i18n';
import { applyProblemToForm } from '../../ui/field-problems';
import { formatNumber } from '../../ui/format';
import { DateText } from '../../ui/money';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { usePutScores, useScores, type CompetitionDetail, type EntryDetail, type ScoreSheet } from './api';
import { scoringWindow } from './entry-window';

interface SheetValues {
  scores: Array<{ criterionId: string; score: string; comment: string }>;
}

function sheetValues(c: CompetitionDetail, sheet: ScoreSheet | undefined): SheetValues {
  return {
    scores: c.criteria.map((k) => {
      const given = sheet?.scores.find((s) => s.criterionId === k.id);
      return { criterionId: k.id, score: given ? String(given.score) : '', comment: given?.comment ?? '' };
    }),
  };
}

/** A whole number as typed, or the text itself for the API to refuse at the field. */
const scoreOf = (s: string): number => (/^\s*\d+\s*$/.test(s) ? Number(s) : (s.trim() as unknown as number));

function Form({ c, entry, sheet }: { c: CompetitionDetail; entry: EntryDetail; sheet: ScoreSheet | undefined }) {
  const { t, lang } = useI18n();
  const put = usePutScores(entry.id, c.id);
  const open = scoringWindow(c).open;
  const [problem, setProblem] = useState<{ error: unknown; rest: FieldProblem[] } | null>(null);
  const form = useForm<SheetValues>({ defaultValues: sheetValues(c, sheet) });
  const { errors } = form.formState;
  const labelOf = (name: string): string | undefined => {
    const m = /^scores\.(\d+)\.(score|comment|criterionId)$/.exec(name);
    const k = m ? c.criteria[Number(m[1])] : undefined;
    if (!m || !k) return undefined;
    return m[2] === 'comment' ? t('competitions.scoring.commentOn', { criterion: k.name }) : k.name;
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setProblem(null);
    try {
      const saved = await put.mutateAsync(values.scores.map((s) => ({ criterionId: s.criterionId, score: scoreOf(s.score), comment: s.comment.trim() || null })));
      form.reset(sheetValues(c, saved));
      notify(t('competitions.scoring.saved', { total: formatNumber(saved.weightedTotal, lang) }));
    } catch (err) {
      const rest = applyProblemToForm(form, err, {
        label: labelOf,
        toFormName: (apiField) => {
          const name = fieldPathToFormName(apiField).replace(/\.criterionId$/, '.score');
          return labelOf(name) === undefined ? null : name;
        },
      });
      setProblem({ error: err, rest });
    }
  });

  return (
    <form
      onSubmit={(e) => {
        form.clearErrors();
        void onSubmit(e);
      }}
      noValidate
    >
      <Stack gap="sm">
        {c.criteria.map((k, i) => (
          <Card key={k.id} withBorder padding="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <TextInput
                label={k.name}
                description={t('competitions.scoring.scoreHint', { max: k.maxScore, weight: formatNumber(k.weight, lang) })}
                inputMode="numeric"
                required
                readOnly={!open}
                rightSection={
                  <Text size="sm" c="dimmed" aria-hidden="true" pr={6} style={{ whiteSpace: 'nowrap' }}>
                    / {k.maxScore}
                  </Text>
                }
                rightSectionWidth={56}
                {...form.register(`scores.${i}.score`)}
                error={errors.scores?.[i]?.score?.message}
              />
              <Textarea label={t('competitions.scoring.commentOn', { criterion: k.name })} autosize minRows={1} maxRows={5} readOnly={!open} {...form.register(`scores.${i}.comment`)} error={errors.scores?.[i]?.comment?.message} />
            </SimpleGrid>
            {k.description && (
              <Text size="sm" c="dimmed" mt={4}>
                {k.description}
              </Text>
            )}
          </Card>
        ))}
        {errors.scores?.message && (
          <Text role="alert" size="sm" c="red.9">
            {errors.scores.message}
          </Text>
        )}
        {problem && (problem.rest.length > 0 || toProblem(problem.error).fields.length === 0) && <ProblemAlert error={problem.error} extra={problem.rest} />}
        {open && (
          <Group justify="flex-end">
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('competitions.scoring.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** The judge's own score sheet for an entry: the rubric as a form, each criterion with its maximum. */
export function ScoreSheetForm({ c, entry }: { c: CompetitionDetail; entry: EntryDetail }) {
  const { t, lang } = useI18n();
  const scores = useScores(entry.id);
  const sheet = scores.data?.items[0];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="score-sheet-title">
      <Title order={2} size="h3" id="score-sheet-title" mb="xs">
        {t('competitions.scoring.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('competitions.judging.blind')}
      </Text>
      {sheet && (
        <Text fw={600} mb="sm">
          {t('competitions.scoring.total', { total: formatNumber(sheet.weightedTotal, lang) })} · {t('competitions.entry.updated')} <DateText value={sheet.updatedAt} withTime />
        </Text>
      )}
      {scores.isPending ? <PageState loading /> : scores.isError ? <PageState error={scores.error} /> : <Form key={sheet?.updatedAt ?? 'new'} c={c} entry={entry} sheet={sheet} />}
    </Card>
  );
}

/** The CSR officer sees every judge's sheet of an entry, with names. */
export function AllScoreSheets({ entryId }: { entryId: string }) {
  const { t, lang } = useI18n();
  const scores = useScores(entryId);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="all-scores-title">
      <Title order={2} size="h3" id="all-scores-title" mb="sm">
        {t('competitions.scoring.allTitle')}
      </Title>
      {scores.isPending ? (
        <PageState loading />
      ) : scores.isError ? (
        <PageState error={scores.error} />
      ) : scores.data.items.length === 0 ? (
        <Text c="dimmed">{t('competitions.scoring.noneYet')}</Text>
      ) : (
        <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {scores.data.items.map((s) => (
            <Card key={s.judge.id} component="li" withBorder padding="sm">
              <Text fw={600}>
                {s.judge.fullName}: {t('competitions.scoring.totalShort', { total: formatNumber(s.weightedTotal, lang) })}
              </Text>
              <Text size="sm">{s.scores.map((x) => `${x.criterionName} ${x.score}/${x.maxScore}`).join(' · ')}</Text>
            </Card>
          ))}
        </Stack>
      )}
    </Card>
  );
}
