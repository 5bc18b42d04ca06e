import { Anchor, Group } from '@mantine/core';
import { IconFriends } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';

/** Where a reader sees a school (a mentoring assignment, the region's partner schools): the way to its work with parents. */
export function SchoolParentsLink({ schoolId, schoolName }: { schoolId: string; schoolName?: string }) {
  const { t } = useI18n();
  const { hasPermission } = useSession();
  if (!hasPermission('parent_engagement:read')) return null;
  return (
    <Anchor component={Link} to={`/schools/${schoolId}/parents`} size="sm" underline="always" aria-label={schoolName ? t('parents.link.of', { school: schoolName }) : undefined}>
      <Group gap={4} component="span" wrap="nowrap">
        <IconFriends size={16} aria-hidden="true" />
        {t('parents.link.open')}
      </Group>
    </Anchor>
  );
}
