import { Button, Card, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { toProblem } from '../../api/problem';
import { useI18n } from '../../i18n';
import { applyProblemToForm } from '../../ui/field-problems';
import { notify } from '../../ui/notify';
import { PageState, ProblemAlert } from '../../ui/problems';
import { useCandidates, useOrganizationSearch, useRequestActions, type Candidate, type PartnerRequestDetail, type ScoreReason } from './api';

interface Item {
  schoolId: string;
  name: string;
  rank: string;
  rationale: string;
}

const FIELD = /^recommendations\.(\d+)\.(schoolId|rank|rationale)$/;

/** The office's answer: candidate schools ranked with the reasons for their score, and the recommendation form. */
export function RecommendSection({ request: r }: { request: PartnerRequestDetail }) {
  const { t } = useI18n();
  const [limit, setLimit] = useState(20);
  const candidates = useCandidates(r.id, limit, true);
  const { recommend } = useRequestActions(r.id);
  const form = useForm<{ recommendations: Item[] }>({ defaultValues: { recommendations: [] } });
  const items = useFieldArray({ control: form.control, name: 'recommendations' });
  const [problem, setProblem] = useState<unknown>(null);
  const chosen = form.watch('recommendations');

  const nextRank = () => Math.max(0, ...r.recommendations.map((x) => x.rank), ...chosen.map((c) => Number(c.rank) || 0)) + 1;
  const add = (schoolId: string, name: string) => {
    if (chosen.some((c) => c.schoolId === schoolId)) return;
    items.append({ schoolId, name, rank: String(nextRank()), rationale: '' }, { shouldFocus: false });
  };

  const labelOf = (name: string): string | undefined => {
    const m = FIELD.exec(name);
    if (!m) return undefined;
    return m[2] === 'schoolId' ? t('requests.recommend.school') : m[2] === 'rank' ? t('requests.recommend.rank') : t('requests.recommend.rationale');
  };

  const send = (v: { recommendations: Item[] }) => {
    setProblem(null);
    recommend.mutate(
      v.recommendations.map((i) => ({ schoolId: i.schoolId, rank: i.rank.trim() === '' ? (null as unknown as number) : Number(i.rank), rationale: i.rationale })),
      {
        onSuccess: () => {
          notify(t('requests.recommend.done', { n: v.recommendations.length }));
          form.reset({ recommendations: [] });
        },
        onError: (err) => {
          const rest = applyProblemToForm(form, err, { label: labelOf });
          const p = toProblem(err);
          // A refusal (a school outside the jurisdiction, one already recommended) is also said above the form.
          setProblem(p.code === 'validation_failed' && p.fields.length > 0 && rest.length === 0 ? null : err);
        },
      },
    );
  };

  const errors = form.formState.errors.recommendations;

  return (
    <section aria-labelledby="recommend-title">
      <Title order={2} size="h3" id="recommend-title" mb={4}>
        {t('requests.recommend.title')}
      </Title>
      <Text c="gray.7" mb="sm">
        {t('requests.recommend.intro')}
      </Text>
      <Stack gap="md">
        <section aria-labelledby="candidates-title">
          <Title order={3} size="h4" id="candidates-title" mb="xs">
            {t('requests.candidates.title')}
          </Title>
          {candidates.isPending || candidates.isError ? (
            <PageState loading={candidates.isPending} error={candidates.error} />
          ) : candidates.data.items.length === 0 ? (
            <Text>{t('requests.candidates.none')}</Text>
          ) : (
            <Stack component="ol" gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {candidates.data.items.map((c) => (
                <li key={c.schoolId}>
                  <CandidateCard candidate={c} added={chosen.some((x) => x.schoolId === c.schoolId)} onAdd={() => add(c.schoolId, c.name)} />
                </li>
              ))}
            </Stack>
          )}
          {candidates.data && candidates.data.items.length >= limit && limit < 100 && (
            <Button variant="default" mt="sm" onClick={() => setLimit(limit === 20 ? 50 : 100)} loading={candidates.isFetching}>
              {t('requests.candidates.more')}
            </Button>
          )}
        </section>

        <OtherSchool onAdd={add} />

        <form noValidate aria-labelledby="answer-title" onSubmit={(e) => void form.handleSubmit(send)(e)}>
          <Card withBorder padding="md">
            <Title order={3} size="h4" id="answer-title" mb="xs">
              {t('requests.recommend.answer')}
            </Title>
            {items.fields.length === 0 ? (
              <Text>{t('requests.recommend.empty')}</Text>
            ) : (
              <Stack gap="md">
                {items.fields.map((f, i) => (
                  <fieldset key={f.id} style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8, padding: '0.75rem', margin: 0, minWidth: 0 }}>
                    <legend style={{ padding: '0 0.25rem', fontWeight: 600 }}>{t('requests.recommend.item', { n: i + 1, school: chosen[i]?.name ?? '' })}</legend>
                    <Stack gap="xs">
                      {errors?.[i]?.schoolId?.message && (
                        <Text role="alert" c="red.8" size="sm" fw={600}>
                          {errors[i]?.schoolId?.message}
                        </Text>
                      )}
                      <Group align="flex-start" gap="sm" wrap="wrap">
                        <TextInput
                          label={t('requests.recommend.rank')}
                          type="number"
                          inputMode="numeric"
                          w={120}
                          {...form.register(`recommendations.${i}.rank`)}
                          error={errors?.[i]?.rank?.message}
                        />
                        <Textarea
                          label={t('requests.recommend.rationale')}
                          description={t('requests.recommend.rationaleHint')}
                          withAsterisk
                          autosize
                          minRows={2}
                          maxLength={2000}
                          style={{ flex: '1 1 16rem' }}
                          {...form.register(`recommendations.${i}.rationale`)}
                          error={errors?.[i]?.rationale?.message}
                        />
                      </Group>
                      <Group>
                        <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} aria-hidden="true" />} onClick={() => items.remove(i)} aria-label={t('requests.recommend.removeAria', { school: chosen[i]?.name ?? '' })}>
                          {t('requests.recommend.remove')}
                        </Button>
                      </Group>
                    </Stack>
                  </fieldset>
                ))}
              </Stack>
            )}
            <Stack gap="sm" mt="md">
              <ProblemAlert error={problem} />
              <Group justify="flex-end">
                <Button type="submit" disabled={items.fields.length === 0} loading={recommend.isPending}>
                  {t('requests.recommend.submit')}
                </Button>
              </Group>
            </Stack>
          </Card>
        </form>
      </Stack>
    </section>
  );
}

function useReasonText() {
  const { t } = useI18n();
  return (reason: ScoreReason) => {
    const text = t(`requests.reason.${reason.code}`, { level: reason.level ?? '–', topic: reason.topic ? t(`common.topic.${reason.topic}`) : '' });
    return reason.code === 'states_need' && reason.points === 0 ? `${text} ${t('requests.reason.capped')}` : text;
  };
}

function CandidateCard({ candidate: c, added, onAdd }: { candidate: Candidate; added: boolean; onAdd(): void }) {
  const { t } = useI18n();
  const reasonText = useReasonText();
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
          <Group gap="xs" align="baseline" wrap="wrap">
            <Text fw={700}>{c.name}</Text>
            <Text size="sm" c="gray.7">
              {[c.npsn ? `NPSN ${c.npsn}` : null, c.schoolLevel, c.regionCode].filter(Boolean).join(' · ')}
            </Text>
          </Group>
          <Text size="sm" fw={600}>
            {t('requests.candidates.score', { score: c.score })}
          </Text>
          <ul aria-label={t('requests.candidates.reasonsOf', { school: c.name })} style={{ margin: 0, paddingLeft: '1.1rem' }}>
            {c.reasons.map((reason, i) => (
              <li key={i}>
                <Text size="sm">
                  <Text span fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                    +{reason.points}
                  </Text>{' '}
                  {reasonText(reason)}
                </Text>
              </li>
            ))}
          </ul>
        </Stack>
        <Button variant={added ? 'light' : 'default'} disabled={added} leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={onAdd} aria-label={t('requests.candidates.addAria', { school: c.name })}>
          {added ? t('requests.candidates.added') : t('requests.candidates.add')}
        </Button>
      </Group>
    </Card>
  );
}

/** Any other school, found by name or NPSN: the API decides whether the office may recommend it. */
function OtherSchool({ onAdd }: { onAdd(schoolId: string, name: string): void }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  // The school picked is kept with its name: once picked, the search text becomes its label and the list moves on.
  const [picked, setPicked] = useState<{ id: string; name: string; label: string } | null>(null);
  const value = picked?.id ?? null;
  const [debounced] = useDebouncedValue(search, 300);
  const found = useOrganizationSearch('school', picked && search === picked.label ? '' : debounced.trim());
  const options = (found.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.name}${o.npsn ? ` (${o.npsn})` : ''}` }));
  if (picked && !options.some((o) => o.value === picked.id)) options.unshift({ value: picked.id, label: picked.label });
  const setValue = (id: string | null) => {
    const o = options.find((x) => x.value === id);
    const org = found.data?.items.find((x) => x.id === id);
    setPicked(id && o ? { id, name: org?.name ?? picked?.name ?? o.label, label: o.label } : null);
  };
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        label={t('requests.other.label')}
        description={t('requests.other.hint')}
        placeholder={t('requests.other.placeholder')}
        searchable
        data={options}
        value={value}
        onChange={setValue}
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options: all }) => all}
        nothingFoundMessage={found.isFetching ? t('common.loading') : t('requests.other.nothing')}
        comboboxProps={{ withinPortal: true }}
        style={{ flex: '1 1 18rem' }}
      />
      <Button
        variant="default"
        disabled={!picked}
        onClick={() => {
          if (!picked) return;
          onAdd(picked.id, picked.name);
          setValue(null);
          setSearch('');
        }}
      >
        {t('requests.other.add')}
      </Button>
    </Group>
  );
}
