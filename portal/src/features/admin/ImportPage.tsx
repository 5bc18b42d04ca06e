import { Alert, Anchor, Button, Card, Code, FileInput, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconFileTypeCsv } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { hasKey, useI18n } from '../../i18n';
import { BackLink } from '../../ui/back-link';
import { notify } from '../../ui/notify';
import { ProblemAlert } from '../../ui/problems';
import { TableOrCards } from '../../ui/table-or-cards';
import { importSchools, type ImportFailure, type ImportOutcome, type ImportProblem, type ImportReport } from './api';
import { RequirePermission } from './components/guard';

const COLUMNS = ['npsn', 'name', 'level', 'ownership', 'region_code', 'address', 'student_count', 'teacher_count', 'principal_name', 'needs'] as const;
const REQUIRED = new Set(['npsn', 'name', 'level', 'region_code']);

/** /admin/import: schools from a CSV file, checked first (dry run), written only when every row is clean. */
export function ImportPage() {
  return (
    <RequirePermission permission="organizations:import">
      <SchoolImport />
    </RequirePermission>
  );
}

function SchoolImport() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  // The dry run of the file as chosen now, then the import's own answer.
  const [checked, setChecked] = useState<ImportOutcome | null>(null);
  const [done, setDone] = useState<ImportOutcome | null>(null);
  const run = useMutation({ mutationFn: ({ f, dryRun }: { f: File; dryRun: boolean }) => importSchools(f, dryRun) });

  const choose = (f: File | null) => {
    setFile(f);
    setChecked(null);
    setDone(null);
    run.reset();
  };
  const check = async () => {
    if (!file) return;
    setDone(null);
    setChecked(await run.mutateAsync({ f: file, dryRun: true }).catch(() => null));
  };
  const write = async () => {
    if (!file) return;
    const outcome = await run.mutateAsync({ f: file, dryRun: false }).catch(() => null);
    if (!outcome) return;
    if (outcome.ok) {
      setDone(outcome);
      setChecked(null);
      notify(t('admin.import.doneToast'));
      void queryClient.invalidateQueries({ queryKey: ['organizations'] });
    } else setChecked(outcome);
  };

  return (
    <Stack gap="lg">
      <BackLink to="/admin">{t('admin.backToAdmin')}</BackLink>
      <div>
        <Title order={1}>{t('admin.import.title')}</Title>
        <Text c="gray.7">{t('admin.import.intro')}</Text>
      </div>
      <Card withBorder padding="lg" component="section" aria-labelledby="import-file-title">
        <Title order={2} size="h3" id="import-file-title" mb="sm">
          {t('admin.import.fileTitle')}
        </Title>
        <Stack gap="md">
          <FileInput
            label={t('admin.import.file')}
            description={t('admin.import.fileHint')}
            placeholder={t('admin.import.filePlaceholder')}
            accept=".csv,text/csv"
            clearable
            clearButtonProps={{ 'aria-label': t('admin.import.clearFile') }}
            leftSection={<IconFileTypeCsv size={18} aria-hidden="true" />}
            value={file}
            onChange={choose}
          />
          {run.isError && <ProblemAlert error={run.error} />}
          <Group>
            <Button onClick={() => void check()} disabled={!file} loading={run.isPending && run.variables?.dryRun === true}>
              {t('admin.import.check')}
            </Button>
          </Group>
        </Stack>
      </Card>
      {checked && !checked.ok && <Problems failure={checked.failure} />}
      {checked && checked.ok && (
        <Card withBorder padding="lg" component="section" aria-labelledby="import-ready-title">
          <Stack gap="sm">
            <Title order={2} size="h3" id="import-ready-title">
              {t('admin.import.readyTitle')}
            </Title>
            <Alert color="teal" icon={<IconCircleCheck size={18} />} title={t('admin.import.clean', { rows: checked.report.rows })}>
              <Text size="sm">{t('admin.import.nothingYet')}</Text>
            </Alert>
            <Counts report={checked.report} would />
            <Group>
              <Button color="teal" onClick={() => void write()} loading={run.isPending && run.variables?.dryRun === false}>
                {t('admin.import.run', { rows: checked.report.rows })}
              </Button>
            </Group>
          </Stack>
        </Card>
      )}
      {done && done.ok && <Result report={done.report} />}
      <Card withBorder padding="lg" component="section" aria-labelledby="import-columns-title">
        <Title order={2} size="h3" id="import-columns-title" mb="xs">
          {t('admin.import.columnsTitle')}
        </Title>
        <Text size="sm" c="gray.7" mb="sm">
          {t('admin.import.columnsIntro')}
        </Text>
        <List size="sm" spacing={4}>
          {COLUMNS.map((c) => (
            <List.Item key={c}>
              <Code>{c}</Code> {REQUIRED.has(c) ? `(${t('common.required')})` : `(${t('common.optional')})`}: {t(`admin.import.column.${c}`)}
            </List.Item>
          ))}
        </List>
        <Text size="sm" mt="sm">
          {t('admin.import.example')} <Code>npsn,name,level,region_code</Code>
          <br />
          <Code>30304122,SDN Pelambuan 4 Banjarmasin,SD,63.71</Code>
        </Text>
      </Card>
    </Stack>
  );
}

function Counts({ report, would }: { report: ImportReport; would?: boolean }) {
  const { t } = useI18n();
  const items: Array<[string, number]> = [
    [would ? t('admin.import.wouldCreate') : t('admin.import.created'), report.created],
    [would ? t('admin.import.wouldUpdate') : t('admin.import.updated'), report.updated],
    [t('admin.import.unchanged'), report.unchanged],
  ];
  return (
    <SimpleGrid cols={{ base: 3 }} spacing="sm">
      {items.map(([label, n]) => (
        <Card key={label} withBorder padding="sm">
          <Text size="xs" c="gray.7">
            {label}
          </Text>
          <Text fw={700} size="xl">
            {n}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** How to fix a problem, in our words by its code (the API's message says what is wrong). */
function useFixText() {
  const { t, lang } = useI18n();
  return (code: string) => (hasKey(lang, `admin.import.fix.${code}`) || hasKey('id', `admin.import.fix.${code}`) ? t(`admin.import.fix.${code}`) : t('admin.import.fix.default'));
}

function Problems({ failure }: { failure: ImportFailure }) {
  const { t } = useI18n();
  const fix = useFixText();
  const where = (p: ImportProblem) => (p.row === null ? t('admin.import.wholeFile') : String(p.row));
  const column = (p: ImportProblem) => p.field ?? (p.row === null ? '–' : t('admin.import.wholeRow'));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="import-problems-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="import-problems-title">
          {t('admin.import.problemsTitle')}
        </Title>
        <Alert role="alert" color="red" icon={<IconAlertCircle size={18} />} title={t('admin.import.problemCount', { count: failure.problemCount, rows: failure.rows })}>
          <Text size="sm">{t('admin.import.nothingWritten')}</Text>
          {failure.problemsTruncated && <Text size="sm">{t('admin.import.truncated', { shown: failure.problems.length })}</Text>}
        </Alert>
        <TableOrCards
          minWidth={760}
          table={
            <Table striped verticalSpacing="xs">
              <Table.Caption c="gray.7">{t('admin.import.problemsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.import.row')}</Table.Th>
                  <Table.Th scope="col">{t('admin.import.columnName')}</Table.Th>
                  <Table.Th scope="col">{t('admin.import.problem')}</Table.Th>
                  <Table.Th scope="col">{t('admin.import.howToFix')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {failure.problems.map((p, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{where(p)}</Table.Td>
                    <Table.Td>
                      <Code>{column(p)}</Code>
                    </Table.Td>
                    <Table.Td>{p.problem}</Table.Td>
                    <Table.Td>{fix(p.code)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          }
          cards={
            <Stack gap="xs">
              {failure.problems.map((p, i) => (
                <Card key={i} withBorder padding="sm" component="article" aria-label={`${t('admin.import.row')} ${where(p)}`}>
                  <Text size="sm" fw={700}>
                    {t('admin.import.row')} {where(p)} · <Code>{column(p)}</Code>
                  </Text>
                  <Text size="sm">{p.problem}</Text>
                  <Text size="sm" c="gray.7">
                    {t('admin.import.howToFix')}: {fix(p.code)}
                  </Text>
                </Card>
              ))}
            </Stack>
          }
        />
        <Text size="sm">{t('admin.import.fixAndRetry')}</Text>
      </Stack>
    </Card>
  );
}

function Result({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const { hasPermission } = useSession();
  const canOpen = hasPermission('organizations:manage');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="import-result-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="import-result-title">
          {t('admin.import.resultTitle')}
        </Title>
        <Alert color="teal" icon={<IconCircleCheck size={18} />} title={t('admin.import.done', { rows: report.rows })} />
        <Counts report={report} />
        <Table.ScrollContainer minWidth={420}>
          <Table striped verticalSpacing="xs">
            <Table.Caption c="gray.7">{report.outcomesTruncated ? t('admin.import.outcomesTruncated') : t('admin.import.outcomesCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.import.row')}</Table.Th>
                <Table.Th scope="col">NPSN</Table.Th>
                <Table.Th scope="col">{t('admin.import.outcome')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.outcomes.map((o) => (
                <Table.Tr key={o.row}>
                  <Table.Td>{o.row}</Table.Td>
                  <Table.Td>
                    {o.id && canOpen ? (
                      <Anchor component={Link} to={`/admin/organizations/${o.id}`}>
                        {o.npsn}
                      </Anchor>
                    ) : (
                      o.npsn
                    )}
                  </Table.Td>
                  <Table.Td>{t(`admin.import.outcomeValue.${o.outcome}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
