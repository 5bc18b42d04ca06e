import { Alert, Anchor, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n';
import { DateText, Money } from '../../ui/money';
import { PageState } from '../../ui/problems';
import { StatusBadge } from '../../ui/status-badge';
import { TableOrCards } from '../../ui/table-or-cards';
import { isFullGrant, useDisbursements, useGrant, useLedger, useReports, type Grant, type GrantTotals, type Ledger } from './api';
import { GrantStatusBadge, ReportStatusBadge } from './components/badges';
import { CompanyActions, ReverseButton } from './components/CompanyActions';
import { Figure, Figures } from './components/figures';

/** Grants that can still take expense reports (the API refuses the rest; the button is not offered). */
const OPEN_FOR_REPORTS = ['awarded', 'disbursing', 'fully_disbursed', 'reporting'];

/** /grants/:id: one grant, its tranches, balance, expense reports, funded budget lines and ledger. */
export function GrantPage() {
  const { id = '' } = useParams();
  const grant = useGrant(id);
  if (!grant.data) return <PageState loading={grant.isPending} error={grant.error} />;
  const g = grant.data as Grant | GrantTotals;
  return (
    <Stack gap="xl">
      <GrantHeader grant={g} />
      <MoneySummary grant={g} />
      {isFullGrant(g) && <GrantDetails grant={g} />}
    </Stack>
  );
}

function GrantHeader({ grant: g }: { grant: Grant | GrantTotals }) {
  const { t } = useI18n();
  return (
    <Stack gap={4}>
      <Anchor component={Link} to="/grants" size="sm">
        {t('grants.grant.backToList')}
      </Anchor>
      <Group gap="sm" wrap="wrap" align="center">
        <Title order={1}>{t('grants.grant.title', { year: g.programYear.year })}</Title>
        <GrantStatusBadge status={g.status} />
      </Group>
      <Text c="gray.7">{t('grants.grant.subtitle', { program: g.programYear.programName, company: g.company.name, school: g.school.name })}</Text>
      {isFullGrant(g) && (
        <Text size="sm">
          {t('grants.grant.plan')}{' '}
          <Anchor component={Link} to={`/plans/${g.planId}`}>
            {g.planTitle}
          </Anchor>
        </Text>
      )}
      {g.status === 'cancelled' && isFullGrant(g) && g.cancelledReason && (
        <Alert color="red" title={t('grants.grant.cancelledTitle')}>
          {g.cancelledReason}
        </Alert>
      )}
    </Stack>
  );
}

function MoneySummary({ grant: g }: { grant: Grant | GrantTotals }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="grant-money">
      <Title order={2} size="h3" id="grant-money" mb="sm">
        {t('grants.grant.moneyTitle')}
      </Title>
      <Figures>
        <Figure label={t('grants.money.balance')} value={g.balanceAtSchool} hint={t('grants.money.balanceHint')} strong />
        <Figure label={t('grants.money.awarded')} value={g.awardedAmount} />
        <Figure label={t('grants.money.disbursed')} value={g.disbursedAmount} />
        <Figure label={t('grants.money.accepted')} value={g.acceptedAmount} hint={t('grants.money.acceptedHint')} />
        <Figure label={t('grants.money.undisbursed')} value={g.undisbursedAmount} />
        {g.returnedAmount !== '0' && <Figure label={t('grants.money.returned')} value={g.returnedAmount} />}
        {g.carriedOverAmount !== '0' && <Figure label={t('grants.money.carriedOver')} value={g.carriedOverAmount} />}
      </Figures>
    </section>
  );
}

function GrantDetails({ grant: g }: { grant: Grant }) {
  const { hasPermission } = useSession();
  const manages = hasPermission('grants:manage');
  return (
    <>
      {manages && <CompanyActions grant={g} />}
      <ReportsSection grant={g} />
      <TranchesSection grantId={g.id} canReverse={manages && !['closed', 'cancelled'].includes(g.status)} />
      <BudgetSection grantId={g.id} />
      {g.conditions.length > 0 && <ConditionsSection conditions={g.conditions} />}
      <LedgerSection grantId={g.id} />
    </>
  );
}

function ReportsSection({ grant: g }: { grant: Grant }) {
  const { t } = useI18n();
  const { hasPermission } = useSession();
  const reports = useReports(g.id);
  const canWrite = hasPermission('expense_reports:write') && OPEN_FOR_REPORTS.includes(g.status);
  return (
    <section aria-labelledby="grant-reports">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="sm">
        <Title order={2} size="h3" id="grant-reports">
          {t('grants.reports.title')}
        </Title>
        {canWrite && (
          <Button component={Link} to={`/grants/${g.id}/reports/new`} leftSection={<IconPlus size={18} />}>
            {t('grants.reports.new')}
          </Button>
        )}
      </Group>
      {!reports.data ? (
        <PageState loading={reports.isPending} error={reports.error} />
      ) : reports.data.items.length === 0 ? (
        <Text>{t('grants.reports.empty')}</Text>
      ) : (
        <Stack gap="sm">
          {reports.data.items.map((r) => (
            <Card key={r.id} withBorder padding="md" radius="md">
              <Stack gap={4}>
                <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                  <Anchor component={Link} to={`/grants/${g.id}/reports/${r.id}`} fw={600}>
                    {r.title}
                  </Anchor>
                  <ReportStatusBadge status={r.status} />
                </Group>
                <Text size="sm" c="gray.7">
                  {r.trancheNumber ? t('grants.reports.forTranche', { n: r.trancheNumber }) : t('grants.reports.noTranche')} · {t('grants.reports.lines', { count: r.lineCount })}
                  {r.submittedAt && (
                    <>
                      {' · '}
                      {t('grants.reports.submittedOn')} <DateText value={r.submittedAt} />
                    </>
                  )}
                </Text>
                <Group gap="md" wrap="wrap">
                  <Text fw={600}>
                    {t('common.total')}: <Money value={r.totalAmount} />
                  </Text>
                  {r.status === 'accepted' && (
                    <Text size="sm">
                      {t('grants.reports.acceptedPart')} <Money value={r.acceptedAmount} />
                    </Text>
                  )}
                </Group>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
    </section>
  );
}

function TranchesSection({ grantId, canReverse }: { grantId: string; canReverse: boolean }) {
  const { t } = useI18n();
  const list = useDisbursements(grantId);
  return (
    <section aria-labelledby="grant-tranches">
      <Title order={2} size="h3" id="grant-tranches" mb="sm">
        {t('grants.tranches.title')}
      </Title>
      {!list.data ? (
        <PageState loading={list.isPending} error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text>{t('grants.tranches.empty')}</Text>
      ) : (
        <Stack gap="sm">
          {list.data.items.map((d) => (
            <Card key={d.id} withBorder padding="sm" radius="md">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Text fw={600}>{d.kind === 'tranche' ? t('grants.tranches.tranche', { n: d.trancheNumber }) : t('grants.tranches.reversal', { n: d.trancheNumber })}</Text>
                    {d.reversedById && (
                      <StatusBadge color="red">{t('grants.tranches.reversed')}</StatusBadge>
                    )}
                  </Group>
                  <Text size="sm" c="gray.7">
                    <DateText value={d.disbursedOn} /> · {t('grants.tranches.reference')}: {d.transferReference}
                  </Text>
                  {d.note && <Text size="sm">{d.note}</Text>}
                </Stack>
                <Stack gap={4} align="flex-end">
                  <Text fw={700} td={d.reversedById ? 'line-through' : undefined}>
                    {d.kind === 'reversal' ? '− ' : ''}
                    <Money value={d.amount} />
                  </Text>
                  {canReverse && d.kind === 'tranche' && !d.reversedById && <ReverseButton grantId={grantId} tranche={d} />}
                </Stack>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </section>
  );
}

/** A part of the grant's page drawn from its ledger: a heading, a line of introduction, then the content once loaded. */
function LedgerPart({ grantId, id, title, intro, children }: { grantId: string; id: string; title: string; intro: string; children(ledger: Ledger): ReactNode }) {
  const ledger = useLedger(grantId);
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb={4}>
        {title}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {intro}
      </Text>
      {!ledger.data ? <PageState loading={ledger.isPending} error={ledger.error} /> : children(ledger.data)}
    </section>
  );
}

function BudgetSection({ grantId }: { grantId: string }) {
  const { t } = useI18n();
  return (
    <LedgerPart grantId={grantId} id="grant-budget" title={t('grants.budget.title')} intro={t('grants.budget.intro')}>
      {(ledger) => (
        <TableOrCards
          minWidth={620}
          cards={
            <Stack gap="xs">
              {ledger.reconciliation.budgetLines.map((b) => (
                <Card key={b.budgetLineId} withBorder padding="sm" radius="md">
                  <Text fw={600}>{b.item}</Text>
                  {b.programTitle && (
                    <Text size="xs" c="gray.7">
                      {b.programTitle}
                    </Text>
                  )}
                  <SimpleGrid cols={2} spacing="xs" verticalSpacing={4} mt={6}>
                    <Amount label={t('grants.budget.planned')} value={b.planned} />
                    <Amount label={t('grants.budget.pendingReview')} value={b.pendingReview} />
                    <Amount label={t('grants.budget.accepted')} value={b.accepted} />
                    <Amount label={t('grants.budget.remaining')} value={b.remaining} strong />
                  </SimpleGrid>
                </Card>
              ))}
            </Stack>
          }
          table={
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('grants.budget.item')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('grants.budget.planned')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('grants.budget.pendingReview')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('grants.budget.accepted')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('grants.budget.remaining')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ledger.reconciliation.budgetLines.map((b) => (
                  <Table.Tr key={b.budgetLineId}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {b.item}
                      </Text>
                      {b.programTitle && (
                        <Text size="xs" c="gray.7">
                          {b.programTitle}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money value={b.planned} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money value={b.pendingReview} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money value={b.accepted} />
                    </Table.Td>
                    <Table.Td ta="right" fw={600}>
                      <Money value={b.remaining} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          }
        />
      )}
    </LedgerPart>
  );
}

function ConditionsSection({ conditions }: { conditions: string[] }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="grant-conditions">
      <Title order={2} size="h3" id="grant-conditions" mb="sm">
        {t('grants.grant.conditions')}
      </Title>
      <List spacing={4}>
        {conditions.map((c) => (
          <List.Item key={c}>{c}</List.Item>
        ))}
      </List>
    </section>
  );
}

function LedgerSection({ grantId }: { grantId: string }) {
  const { t } = useI18n();
  return (
    <LedgerPart grantId={grantId} id="grant-ledger" title={t('grants.ledger.title')} intro={t('grants.ledger.intro')}>
      {(ledger) => (
        <TableOrCards
          minWidth={640}
          cards={
            <Stack gap="xs">
              {ledger.entries.map((e) => (
                <Card key={e.id} withBorder padding="sm" radius="md">
                  <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                    <div>
                      <Text size="sm" fw={600}>
                        {t(`grants.ledger.kind.${e.kind}`)}
                      </Text>
                      <Text size="xs" c="gray.7">
                        <DateText value={e.occurredOn} />
                        {e.note ? ` · ${e.note}` : ''}
                      </Text>
                    </div>
                    <Text fw={600} size="sm">
                      <Money value={e.amount} />
                    </Text>
                  </Group>
                  <Text size="xs" c="gray.7" mt={4}>
                    {t('grants.ledger.balanceAfter')}: {e.movesBalance ? <Money value={e.balanceAtSchool} /> : t('grants.ledger.noMove')}
                  </Text>
                </Card>
              ))}
            </Stack>
          }
          table={
            <Table verticalSpacing="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('common.date')}</Table.Th>
                  <Table.Th scope="col">{t('grants.ledger.entry')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('grants.ledger.amount')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('grants.ledger.balanceAfter')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ledger.entries.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <DateText value={e.occurredOn} short />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {t(`grants.ledger.kind.${e.kind}`)}
                      </Text>
                      {e.note && (
                        <Text size="xs" c="gray.7">
                          {e.note}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Money value={e.amount} />
                    </Table.Td>
                    <Table.Td ta="right">{e.movesBalance ? <Money value={e.balanceAtSchool} /> : <Text size="sm" c="gray.7" component="span">{t('grants.ledger.noMove')}</Text>}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          }
        />
      )}
    </LedgerPart>
  );
}

function Amount({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div>
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : 500}>
        <Money value={value} />
      </Text>
    </div>
  );
}
