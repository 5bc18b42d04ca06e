import { Button, Group } from '@mantine/core';
import { useI18n } from '../i18n';

/** What a keyset-paged list query (TanStack's infinite query) offers for the next page. */
interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): Promise<unknown>;
}

/** "Muat lebih banyak" under a paged list, while the API says there is a next page. */
export function LoadMore({ list, justify = 'flex-start' }: { list: PagedQuery; justify?: 'flex-start' | 'center' }) {
  const { t } = useI18n();
  if (!list.hasNextPage) return null;
  return (
    <Group justify={justify}>
      <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
        {t('common.more')}
      </Button>
    </Group>
  );
}
