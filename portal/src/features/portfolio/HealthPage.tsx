import { Anchor, Card, Chip, Group, List, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { LoadMore } from '../../ui/load-more';
import { BackLink } from '../../ui/back-link';
import { formatDate } from '../../ui/format';
import { PageState } from '../../ui/problems';
import { TableOrCards } from '../../ui/table-or-cards';
import { HEALTH_BANDS, HEALTH_REASONS, HEALTH_SORTS, reportFiles, useHealth, type HealthFilters, type PartnershipHealth } from './api';
import { BandBadge, DownloadButton, FileLangSwitch, Section, useFileLang } from './components';
import { query, useProgramChoice } from './PortfolioPage';

const pick = <T extends string>(values: readonly T[], v: string | null): T | undefined => (v && (values as readonly string[]).includes(v) ? (v as T) : undefined);

/** /portfolio/health: the program's partnerships by health score, with the reasons, filtered and sorted by the API. */
export function HealthPage() {
  const { t, lang } = useI18n();
  const choice = useProgramChoice();
  const { params, setParams, programId, list } = choice;
  const filters: HealthFilters | null = programId
    ? {
        programId,
        reason: pick(HEALTH_REASONS, params.get('reason')),
        band: pick(HEALTH_BANDS, params.get('band')),
        q: params.get('q') ?? undefined,
        sort: pick(HEALTH_SORTS, params.get('sort')),
      }
    : null;
  const health = useHealth(filters);
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search, 400);
  const [fileLang, setFileLang] = useFileLang();

  const setParam = (key: string, value: string | undefined) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    if (programId && !p.get('programId')) p.set('programId', programId);
    setParams(p, { replace: true });
  };
  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced.trim()) setParam('q', debounced.trim() || undefined);
  }, [debounced]);

  if (choice.programs.isPending) return <PageState loading />;
  if (choice.programs.isError) return <PageState error={choice.programs.error} />;
  if (health.isError) return <PageState error={health.error} />;
  const first = health.data?.pages[0];
  const rows = health.data?.pages.flatMap((p) => p.partnerships) ?? [];
  const programOptions = list.map((p) => ({ value: p.id, label: p.name }));

  return (
    <Stack gap="lg">
      <BackLink to={`/portfolio${query({ programId })}`}>{t('portfolio.health.back')}</BackLink>
      <div>
        <Title order={1}>{t('portfolio.health.title')}</Title>
        <Text c="gray.7">{t('portfolio.health.intro')}</Text>
      </div>
      {!programId ? (
        <Text>{t('portfolio.noPrograms')}</Text>
      ) : (
        <>
          <Group align="flex-end" gap="md" wrap="wrap">
            <Select
              label={t('portfolio.program')}
              data={programOptions.some((o) => o.value === programId) ? programOptions : [...programOptions, { value: programId, label: first?.program.name ?? programId }]}
              value={programId}
              onChange={(v) => {
                if (!v) return;
                setSearch('');
                setParams(new URLSearchParams({ programId: v }), { replace: true });
              }}
              allowDeselect={false}
              w={{ base: '100%', sm: 300 }}
            />
            <TextInput label={t('portfolio.health.search')} placeholder={t('portfolio.health.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={{ base: '100%', sm: 240 }} />
            <Select
              label={t('portfolio.health.band')}
              data={[{ value: '', label: t('portfolio.health.allBands') }, ...HEALTH_BANDS.map((b) => ({ value: b, label: t(`portfolio.band.${b}`) }))]}
              value={filters?.band ?? ''}
              onChange={(v) => setParam('band', v || undefined)}
              allowDeselect={false}
              w={{ base: '100%', sm: 200 }}
            />
            <Select
              label={t('portfolio.health.sort')}
              data={HEALTH_SORTS.map((s) => ({ value: s, label: t(`portfolio.health.sorts.${s}`) }))}
              value={filters?.sort ?? 'score'}
              onChange={(v) => setParam('sort', v && v !== 'score' ? v : undefined)}
              allowDeselect={false}
              w={{ base: '100%', sm: 240 }}
            />
          </Group>
          <div role="radiogroup" aria-label={t('portfolio.health.reasonFilter')}>
            <Text size="sm" fw={500} mb={4} aria-hidden="true">
              {t('portfolio.health.reasonFilter')}
            </Text>
            <Chip.Group multiple={false} value={filters?.reason ?? 'all'} onChange={(v) => setParam('reason', v === 'all' ? undefined : (v as string))}>
              <Group gap="xs" wrap="wrap">
                <Chip value="all" type="radio" variant="outline">
                  {t('portfolio.health.allReasons', { count: first?.counts.partnerships ?? '…' })}
                </Chip>
                {HEALTH_REASONS.map((r) => (
                  <Chip key={r} value={r} type="radio" variant="outline">
                    {t('portfolio.health.reasonCount', { label: t(`portfolio.reason.${r}`), count: first?.counts.byReason[r] ?? '…' })}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </div>
          {!first ? (
            <PageState loading />
          ) : (
            <>
              <Text size="sm" c="gray.7" aria-live="polite">
                {t('portfolio.health.matching', { matching: first.matching, total: first.counts.partnerships, date: formatDate(first.asOf, lang) })}
              </Text>
              {rows.length === 0 ? (
                <Text>{t('portfolio.health.empty')}</Text>
              ) : (
                <TableOrCards
                  from="md"
                  minWidth={820}
                  table={<HealthTable rows={rows} fileLang={fileLang} />}
                  cards={
                    <Stack gap="sm">
                      {rows.map((p) => (
                        <HealthCard key={p.partnershipId} row={p} fileLang={fileLang} />
                      ))}
                    </Stack>
                  }
                />
              )}
              <LoadMore list={health} />
              <Section title={t('portfolio.download.title')} id="downloads">
                <Card withBorder padding="md" radius="md">
                  <Stack gap="md">
                    <FileLangSwitch value={fileLang} onChange={setFileLang} />
                    <Text size="sm" c="gray.7">
                      {t('portfolio.health.downloadHint')}
                    </Text>
                    <Group gap="sm" wrap="wrap">
                      <DownloadButton label={t('portfolio.download.xlsx')} run={() => reportFiles.health(filters!, 'xlsx', fileLang)} />
                      <DownloadButton label={t('portfolio.download.csv')} run={() => reportFiles.health(filters!, 'csv', fileLang)} />
                    </Group>
                  </Stack>
                </Card>
              </Section>
            </>
          )}
        </>
      )}
    </Stack>
  );
}

function Reasons({ row }: { row: PartnershipHealth }) {
  const { t } = useI18n();
  if (row.reasons.length === 0) return <Text size="sm">{t('portfolio.health.noReasons')}</Text>;
  return (
    <List size="sm" spacing={4}>
      {row.reasons.map((r) => (
        <List.Item key={r.code}>
          <Text span size="sm" fw={600}>
            {t('portfolio.health.reasonPoints', { label: t(`portfolio.reason.${r.code}`), points: r.points })}
          </Text>
          <Text span size="sm" c="gray.7">
            {' — '}
            {r.detail}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

function SummaryButton({ row, fileLang }: { row: PartnershipHealth; fileLang: 'id' | 'en' }) {
  const { t } = useI18n();
  return <DownloadButton variant="light" size="compact-sm" label={t('portfolio.health.pdfShort')} ariaLabel={t('portfolio.health.pdf', { school: row.school.name })} run={() => reportFiles.summary(row.partnershipId, fileLang)} />;
}

function HealthTable({ rows, fileLang }: { rows: PartnershipHealth[]; fileLang: 'id' | 'en' }) {
  const { t } = useI18n();
  return (
    <Table striped verticalSpacing="sm">
      <Table.Caption c="gray.7">{t('portfolio.health.caption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('portfolio.health.school')}</Table.Th>
          <Table.Th scope="col" ta="right" style={{ width: 170 }}>
            {t('portfolio.health.score')}
          </Table.Th>
          <Table.Th scope="col">{t('portfolio.health.reasons')}</Table.Th>
          <Table.Th scope="col">{t('portfolio.health.summary')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((p) => (
          <Table.Tr key={p.partnershipId}>
            <Table.Td>
              <Anchor component={Link} to={`/partnerships/${p.partnershipId}`} fw={600}>
                {p.school.name}
              </Anchor>
              <Text size="xs" c="gray.7">
                {[p.school.npsn && `NPSN ${p.school.npsn}`, t(`portfolio.partnershipStatus.${p.status}`)].filter(Boolean).join(' · ')}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              <Stack gap={4} align="flex-end">
                <Text fw={700} size="lg">
                  {p.score}
                </Text>
                <BandBadge band={p.band} />
              </Stack>
            </Table.Td>
            <Table.Td>
              <Reasons row={p} />
            </Table.Td>
            <Table.Td>
              <SummaryButton row={p} fileLang={fileLang} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function HealthCard({ row: p, fileLang }: { row: PartnershipHealth; fileLang: 'id' | 'en' }) {
  const { t } = useI18n();
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Anchor component={Link} to={`/partnerships/${p.partnershipId}`} fw={700}>
            {p.school.name}
          </Anchor>
          <Text fw={700} size="lg" aria-label={t('portfolio.health.scoreAria', { score: p.score })}>
            {p.score}
          </Text>
        </Group>
        <Group gap="xs">
          <BandBadge band={p.band} />
          <Text size="xs" c="gray.7">
            {t(`portfolio.partnershipStatus.${p.status}`)}
          </Text>
        </Group>
        <Reasons row={p} />
        <SummaryButton row={p} fileLang={fileLang} />
      </Stack>
    </Card>
  );
}

