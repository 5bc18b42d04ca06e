import { Alert, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconWifiOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ApiProblem, toProblem, type FieldProblem } from '../api/problem';
import { useI18n } from '../i18n';

/** What a person should read for a problem: the API's own (localised) words, or ours for network trouble. */
export function useProblemText() {
  const { t } = useI18n();
  return (err: unknown): { title: string; detail: string } => {
    const p = toProblem(err);
    if (p.isNetwork) return { title: t('common.problem.networkTitle'), detail: t('common.problem.networkDetail') };
    if (p.status === 429 && p.retryAfter) return { title: p.title, detail: `${p.detail} ${t('common.problem.retryAfter', { minutes: Math.ceil(p.retryAfter / 60) })}` };
    return { title: p.title || t('common.problem.unexpectedTitle'), detail: p.detail || t('common.problem.unexpectedDetail') };
  };
}

/** A refusal shown on the form: the title, the detail and any field problems that have no field here. */
export function ProblemAlert({ error, extra, labelOf }: { error: unknown; extra?: FieldProblem[]; labelOf?: (field: string) => string }) {
  const text = useProblemText();
  if (!error) return null;
  const p = toProblem(error);
  const { title, detail } = text(error);
  return (
    <Alert role="alert" color={p.isNetwork ? 'yellow' : 'red'} icon={p.isNetwork ? <IconWifiOff size={18} /> : <IconAlertCircle size={18} />} title={title}>
      <Text size="sm">{detail}</Text>
      {extra && extra.length > 0 && (
        <ul style={{ margin: '0.5rem 0 0', paddingLeft: '1.2rem' }}>
          {extra.map((f) => (
            <li key={f.field + f.code}>
              <Text size="sm">{labelOf ? `${labelOf(f.field)}: ${f.message}` : f.message}</Text>
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/** Loading, not found (404) or failed: the three states of a page before its data is there. */
export function PageState({ error, loading }: { error?: unknown; loading?: boolean }) {
  const { t } = useI18n();
  if (loading) {
    return (
      <Center py="xl" aria-busy="true" role="status" aria-label={t('common.loading')}>
        <Loader />
      </Center>
    );
  }
  if (error instanceof ApiProblem && error.isNotFound) return <NotFound />;
  return <ProblemAlert error={error} />;
}

export function NotFound() {
  const { t } = useI18n();
  return (
    <Stack align="center" py="xl" gap="sm">
      <Title order={1} size="h2">
        {t('common.notFound.title')}
      </Title>
      <Text c="dimmed" ta="center">
        {t('common.notFound.detail')}
      </Text>
      <Button component={Link} to="/">
        {t('common.notFound.home')}
      </Button>
    </Stack>
  );
}
