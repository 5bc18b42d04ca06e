import { Badge, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { PageState } from '../../ui/problems';
import { useOrganization, type Organization } from './api';
import { ContactsSection } from './ContactsSection';
import { ProfileForm } from './ProfileForm';
import { SchoolParentsCard } from '../parent-engagement/SchoolParentsCard';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={500}>{value}</Text>
    </div>
  );
}

/** What only an administrator changes (other records hang on it), shown for reference. */
function RegistryFacts({ org }: { org: Organization }) {
  const { t } = useI18n();
  const region = org.regionName ? `${org.regionName} (${org.regionCode})` : (org.regionCode ?? t('school.profile.emptyValue'));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="registry-title">
      <Title order={2} size="h3" id="registry-title" mb="xs">
        {t('school.registry.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm">
        {org.type === 'school' && <Fact label={t('school.registry.npsn')} value={org.npsn ?? t('school.profile.emptyValue')} />}
        <Fact label={t('school.registry.region')} value={region} />
        {org.type === 'school' && <Fact label={t('school.registry.district')} value={org.districtName ? `${org.districtName} (${org.districtCode})` : t('school.profile.emptyValue')} />}
        {org.type === 'school' && (
          <div>
            <Text size="sm" c="dimmed">
              {t('school.registry.partner')}
            </Text>
            <Badge c="dark.8" variant="light" color={org.hasActivePartner ? 'teal' : 'gray'}>
              {org.hasActivePartner ? t('school.registry.hasPartner') : t('school.registry.noPartner')}
            </Badge>
          </div>
        )}
      </SimpleGrid>
      <Text size="sm" c="dimmed" mt="md">
        {t('school.registry.adminOnly')}
      </Text>
    </Card>
  );
}

/** The school profile: what the registry holds, the fields the principal keeps, and the contact people. */
export function SchoolPage() {
  const { t } = useI18n();
  const { me, hasPermission } = useSession();
  const id = me?.organization.id ?? '';
  const org = useOrganization(id);

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('school.title')}</Title>
        <Text c="dimmed">{org.data?.name ?? me?.organization.name}</Text>
      </div>
      {org.isPending ? (
        <PageState loading />
      ) : org.isError ? (
        <PageState error={org.error} />
      ) : (
        <>
          <RegistryFacts org={org.data} />
          {org.data.type === 'school' && hasPermission('parent_engagement:write') && <SchoolParentsCard />}
          {hasPermission('organizations:edit_own') && <ProfileForm key={org.data.id} org={org.data} />}
          {hasPermission('contacts:read') && <ContactsSection organizationId={org.data.id} canManage={hasPermission('contacts:manage')} />}
        </>
      )}
    </Stack>
  );
}
