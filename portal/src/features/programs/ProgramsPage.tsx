import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { LoadMore } from '../../ui/load-more';
import { notify } from '../../ui/notify';
import { PageState } from '../../ui/problems';
import { useCreateProgram, useProgramList, type Program } from './api';
import { programBody, ProgramFormModal } from './ProgramForm';
import { canManagePrograms } from './roles';

/** /programs: the company's CSR programs (others read the programs of the partnerships they see). */
export function ProgramsPage() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const list = useProgramList();
  const create = useCreateProgram();
  const [creating, setCreating] = useState(false);
  const manage = canManagePrograms(session);
  const programs = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1}>{t('programs.list.title')}</Title>
          <Text c="gray.7">{manage ? t('programs.list.introCompany') : t('programs.list.introOther')}</Text>
        </div>
        <Group gap="xs">
          <Button component={Link} to="/partnerships" variant="default">
            {t('programs.list.partnerships')}
          </Button>
          {manage && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('programs.list.new')}
            </Button>
          )}
        </Group>
      </Group>
      {list.isPending || list.isError ? (
        <PageState loading={list.isPending} error={list.error} />
      ) : programs.length === 0 ? (
        <Card withBorder>
          <Text>{t('programs.list.empty')}</Text>
        </Card>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {programs.map((p) => (
            <li key={p.id}>
              <ProgramCard program={p} />
            </li>
          ))}
        </Stack>
      )}
      <LoadMore list={list} />
      {creating && (
        <ProgramFormModal
          title={t('programs.list.new')}
          onClose={() => setCreating(false)}
          onSubmit={async (values) => {
            const p = await create.mutateAsync(programBody(values));
            notify(t('programs.saved'));
            setCreating(false);
            void navigate(`/programs/${p.id}`);
          }}
        />
      )}
    </Stack>
  );
}

export function yearsText(t: (k: string, p?: Record<string, string | number>) => string, p: Program): string {
  return p.endYear === null ? t('programs.yearsOpen', { start: p.startYear }) : t('programs.yearsRange', { start: p.startYear, end: p.endYear });
}

function ProgramCard({ program: p }: { program: Program }) {
  const { t } = useI18n();
  return (
    <Card withBorder padding="md">
      <Stack gap={6}>
        <Title order={2} size="h4">
          <Anchor component={Link} to={`/programs/${p.id}`}>
            {p.name}
          </Anchor>
        </Title>
        <Text size="sm" c="gray.7">
          {p.company.name} · {yearsText(t, p)}
        </Text>
        {p.focusAreas.length > 0 && (
          <Group gap={6}>
            {p.focusAreas.map((f) => (
              <Badge key={f} variant="outline" color="gray.8" tt="none" fw={500}>
                {t(`common.topic.${f}`)}
              </Badge>
            ))}
          </Group>
        )}
        {p.regions.length > 0 && (
          <Text size="sm">
            {t('programs.field.regions')}: {p.regions.map((r) => r.name).join(', ')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
