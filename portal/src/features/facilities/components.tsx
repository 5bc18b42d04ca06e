import { Badge, Group } from '@mantine/core';
import { useI18n } from '../../i18n';
import { StatusBadge } from '../../ui/status-badge';
import type { FacilityCondition, FacilityItem } from './api';

const CONDITION_COLORS: Record<FacilityCondition, string> = { good: 'green', minor_repair: 'yellow', major_repair: 'orange', out_of_use: 'red', lost: 'gray' };

/** Handed over (delivered) or awaiting its handover. */
export function HandoverBadge({ item }: { item: Pick<FacilityItem, 'status'> }) {
  const { t } = useI18n();
  return <StatusBadge color={item.status === 'handed_over' ? 'teal' : 'orange'}>{t(`facilities.status.${item.status}`)}</StatusBadge>;
}

/** A condition as a badge. */
export function ConditionBadge({ condition }: { condition: FacilityCondition }) {
  const { t } = useI18n();
  return <StatusBadge color={CONDITION_COLORS[condition]}>{t(`facilities.condition.${condition}`)}</StatusBadge>;
}

/** The status, and the overdue check when there is one. */
export function ItemBadges({ item }: { item: Pick<FacilityItem, 'status' | 'checkOverdue'> }) {
  const { t } = useI18n();
  return (
    <Group gap={6} wrap="wrap">
      <HandoverBadge item={item} />
      {item.checkOverdue && (
        <Badge color="red" variant="outline" size="lg" tt="none" fw={600}>
          {t('facilities.checkOverdue')}
        </Badge>
      )}
    </Group>
  );
}
