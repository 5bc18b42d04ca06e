import { Anchor, Box, Button, Card, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title, type SimpleGridProps } from '@mantine/core';
import { IconMessageCircle } from '@tabler/icons-react';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { clearDraft, loadDraft, saveDraft, useIdempotencyKey } from '../../ui/drafts';
import { DateText } from '../../ui/money';
import { ProblemAlert } from '../../ui/problems';
import { useAddComment, type PlanComment } from './plan-api';
import { PlainBadge } from './PlanParts';
import { anchorOf, fieldLabel, formAnchors, type NamedContent } from './plan-form';

interface CommentsValue {
  planId: string;
  canComment: boolean;
  /** Whether the reader may start a comment on a field (reviewers). */
  canCommentFields: boolean;
  /** The threads shown at a field (by form name). */
  threadsAt(anchor: string): PlanComment[];
  /** Threads on a field, with where they are shown. */
  fieldThreads: Array<{ anchor: string; thread: PlanComment }>;
  /** Threads about the plan as a whole (or on a field that is no longer in it). */
  generalThreads: PlanComment[];
  labelOf(anchor: string): string;
  /** Takes the reader to a field of the plan (opening its step in the form). */
  jumpTo(anchor: string): void;
}

const CommentsContext = createContext<CommentsValue | null>(null);

/** Places each comment thread at the field it is about. */
export function CommentsProvider({
  planId,
  comments,
  content,
  canComment,
  canCommentFields = false,
  jumpTo,
  children,
}: {
  planId: string;
  comments: PlanComment[];
  content: NamedContent;
  canComment: boolean;
  canCommentFields?: boolean;
  jumpTo(anchor: string): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const value = useMemo<CommentsValue>(() => {
    const anchors = formAnchors(content);
    const byAnchor = new Map<string, PlanComment[]>();
    const fieldThreads: CommentsValue['fieldThreads'] = [];
    const generalThreads: PlanComment[] = [];
    for (const c of comments) {
      const anchor = c.fieldPath ? anchorOf(c.fieldPath, anchors) : null;
      if (!anchor) {
        generalThreads.push(c);
        continue;
      }
      byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), c]);
      fieldThreads.push({ anchor, thread: c });
    }
    return {
      planId,
      canComment,
      canCommentFields,
      threadsAt: (a) => byAnchor.get(a) ?? [],
      fieldThreads,
      generalThreads,
      labelOf: (a) => fieldLabel(a, content, t),
      jumpTo,
    };
  }, [planId, comments, content, canComment, canCommentFields, jumpTo, t]);
  return <CommentsContext.Provider value={value}>{children}</CommentsContext.Provider>;
}

export function useComments(): CommentsValue | null {
  return useContext(CommentsContext);
}

const ROLE_COLOR: Record<string, string> = { facilitator: 'grape', csr_officer: 'blue', principal: 'teal', education_officer: 'orange', admin: 'gray' };

function CommentItem({ comment }: { comment: PlanComment }) {
  const { t } = useI18n();
  const role = comment.author.role;
  return (
    <Box>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={600}>
          {comment.author.fullName ?? t('plans.comments.someone')}
        </Text>
        {role && (
          <PlainBadge size="sm" color={ROLE_COLOR[role] ?? 'gray'}>
            {t(`plans.role.${role}`)}
          </PlainBadge>
        )}
        <Text size="xs" c="dimmed">
          <DateText value={comment.createdAt} withTime />
          {comment.versionNumber ? ` · ${t('plans.comments.onVersion', { n: comment.versionNumber })}` : ''}
        </Text>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {comment.body}
      </Text>
    </Box>
  );
}

function Replies({ replies }: { replies: PlanComment[] }) {
  if (replies.length === 0) return null;
  return (
    <Stack gap="xs" pl="md" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
      {replies.map((r) => (
        <Stack key={r.id} gap="xs">
          <CommentItem comment={r} />
          <Replies replies={r.replies} />
        </Stack>
      ))}
    </Stack>
  );
}

/** Writes a comment or a reply; the text is kept on the device until the server has it. */
function CommentForm({ planId, parentId, fieldPath, label, submitLabel, onDone }: { planId: string; parentId?: string; fieldPath?: string; label: string; submitLabel: string; onDone?(): void }) {
  const { t } = useI18n();
  const draftKey = `plan.${planId}.comment.${parentId ?? fieldPath ?? 'general'}`;
  const [body, setBody] = useState(() => loadDraft<string>(draftKey) ?? '');
  const [empty, setEmpty] = useState(false);
  const { key, renew } = useIdempotencyKey(draftKey);
  const add = useAddComment(planId);
  const send = () => {
    if (body.trim() === '') {
      setEmpty(true);
      return;
    }
    add.mutate(
      { key, body, ...(parentId ? { parentId } : {}), ...(fieldPath ? { fieldPath } : {}) },
      {
        onSuccess: () => {
          setBody('');
          clearDraft(draftKey);
          renew();
          onDone?.();
        },
      },
    );
  };
  return (
    <Stack gap="xs">
      <Textarea
        label={label}
        value={body}
        autosize
        minRows={2}
        maxLength={5000}
        error={empty ? t('plans.comments.empty') : undefined}
        onChange={(e) => {
          setBody(e.currentTarget.value);
          setEmpty(false);
          saveDraft(draftKey, e.currentTarget.value);
        }}
      />
      <ProblemAlert error={add.error} />
      <Group gap="xs">
        <Button size="sm" onClick={send} loading={add.isPending}>
          {submitLabel}
        </Button>
        {onDone && (
          <Button size="sm" variant="subtle" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function Thread({ thread, planId, canComment }: { thread: PlanComment; planId: string; canComment: boolean }) {
  const { t } = useI18n();
  const [replying, setReplying] = useState(false);
  const author = thread.author.fullName ?? t('plans.comments.someone');
  return (
    <Stack gap="xs">
      <CommentItem comment={thread} />
      <Replies replies={thread.replies} />
      {canComment &&
        (replying ? (
          <CommentForm planId={planId} parentId={thread.id} label={t('plans.comments.replyTo', { name: author })} submitLabel={t('plans.comments.sendReply')} onDone={() => setReplying(false)} />
        ) : (
          <Group>
            <Button size="compact-sm" variant="light" onClick={() => setReplying(true)} aria-label={t('plans.comments.replyToAria', { name: author })}>
              {t('plans.comments.reply')}
            </Button>
          </Group>
        ))}
    </Stack>
  );
}

const InRow = createContext(false);

/** Whether a field sits in a Row (its comments are then shown under the row). */
export function useInRow(): boolean {
  return useContext(InRow);
}

/** Short fields side by side; their comments follow the row at full width. */
export function Row({ cols, anchors, children }: { cols: SimpleGridProps['cols']; anchors: string[]; children: ReactNode }) {
  return (
    <div>
      <InRow.Provider value={true}>
        <SimpleGrid cols={cols}>{children}</SimpleGrid>
      </InRow.Provider>
      {anchors.map((a) => (
        <FieldThread key={a} anchor={a} />
      ))}
    </div>
  );
}

/** The comment threads about one field, shown right under it. */
export function FieldThread({ anchor }: { anchor: string }) {
  const { t } = useI18n();
  const ctx = useComments();
  const threads = ctx?.threadsAt(anchor) ?? [];
  if (!ctx || threads.length === 0) return null;
  const label = ctx.labelOf(anchor);
  return (
    <Paper component="section" aria-label={t('plans.comments.onField', { field: label })} withBorder p="sm" mt={6} bg="yellow.0" radius="md">
      <Group gap={6} mb={6}>
        <IconMessageCircle size={16} aria-hidden="true" />
        <Text size="xs" fw={600}>
          {t('plans.comments.fieldTitle', { count: threads.length, field: label.split(' › ').pop() ?? label })}
        </Text>
      </Group>
      <Stack gap="md">
        {threads.map((c) => (
          <Thread key={c.id} thread={c} planId={ctx.planId} canComment={ctx.canComment} />
        ))}
      </Stack>
    </Paper>
  );
}

/** The plan's discussion: where the field comments are, the general threads, and a new comment. */
export function PlanDiscussion() {
  const { t } = useI18n();
  const ctx = useComments();
  if (!ctx) return null;
  return (
    <Card withBorder component="section" aria-labelledby="plan-comments-title" id="comments" padding="md">
      <Title order={2} size="h3" id="plan-comments-title" mb="sm">
        {t('plans.comments.title')}
      </Title>
      <Stack gap="md">
        {ctx.fieldThreads.length > 0 && (
          <div>
            <Text fw={600} size="sm" mb={4}>
              {t('plans.comments.onFields')}
            </Text>
            <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {ctx.fieldThreads.map(({ anchor, thread }) => (
                <li key={thread.id}>
                  <Text size="sm">
                    <Anchor component="button" type="button" ta="left" onClick={() => ctx.jumpTo(anchor)} fw={500}>
                      {ctx.labelOf(anchor)}
                    </Anchor>
                    {`: “${thread.body.length > 90 ? `${thread.body.slice(0, 89)}…` : thread.body}” — ${thread.author.fullName ?? ''}`}
                    {thread.replies.length > 0 ? ` (${t('plans.comments.replies', { count: thread.replies.length })})` : ''}
                  </Text>
                </li>
              ))}
            </Stack>
          </div>
        )}
        {ctx.generalThreads.length === 0 && ctx.fieldThreads.length === 0 && <Text c="dimmed">{t('plans.comments.none')}</Text>}
        {ctx.generalThreads.length > 0 && (
          <div>
            <Text fw={600} size="sm" mb={4}>
              {t('plans.comments.general')}
            </Text>
            <Stack gap="md">
              {ctx.generalThreads.map((c) => (
                <Paper key={c.id} withBorder p="sm" radius="md">
                  {c.fieldPath && (
                    <Text size="xs" c="dimmed" mb={4}>
                      {t('plans.comments.formerField', { field: ctx.labelOf(c.fieldPath) })}
                    </Text>
                  )}
                  <Thread thread={c} planId={ctx.planId} canComment={ctx.canComment} />
                </Paper>
              ))}
            </Stack>
          </div>
        )}
        {ctx.canComment && <CommentForm planId={ctx.planId} label={t('plans.comments.newLabel')} submitLabel={t('plans.comments.send')} />}
      </Stack>
    </Card>
  );
}

/** The form name of a field (content.programs.0.goal) as the API's path (content.programs[0].goal). */
export function apiFieldPath(anchor: string): string {
  return anchor.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

/** A reviewer's "comment on this field": a small button by the field that opens the form under it. */
export function FieldCommentButton({ anchor }: { anchor: string }) {
  const { t } = useI18n();
  const ctx = useComments();
  const [open, setOpen] = useState(false);
  if (!ctx?.canCommentFields) return null;
  const label = ctx.labelOf(anchor);
  if (!open) {
    return (
      <Button size="compact-xs" variant="subtle" leftSection={<IconMessageCircle size={14} aria-hidden="true" />} onClick={() => setOpen(true)} aria-label={t('plans.comments.onFieldAria', { field: label })}>
        {t('plans.comments.onFieldButton')}
      </Button>
    );
  }
  return (
    <Paper withBorder p="sm" mt={6} radius="md" bg="blue.0">
      <CommentForm planId={ctx.planId} fieldPath={apiFieldPath(anchor)} label={t('plans.comments.onFieldLabel', { field: label })} submitLabel={t('plans.comments.send')} onDone={() => setOpen(false)} />
    </Paper>
  );
}
