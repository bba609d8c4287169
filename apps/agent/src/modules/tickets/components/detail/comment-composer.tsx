import { useRef, useState } from 'react';
import {
  Box,
  Button,
  CloseButton,
  FileButton,
  Group,
  Paper,
  Stack,
  Switch,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconBook2,
  IconLock,
  IconMessage2Bolt,
  IconPaperclip,
  IconSend,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, ProblemMessage } from '@relaydesk/web-ui';
import type { Ticket } from '../../api';
import { useAddComment } from '../../hooks';
import { useFileSize } from './file-utils';
import { UploadList, useUploadQueue } from './upload-queue';
import { useSingleFlight } from './use-single-flight';
import { CannedResponsePicker } from '../../../canned-responses/components/canned-response-picker';
import { insertAtCursor } from '../../../canned-responses/insert-at-cursor';
import { KbReplyArticles } from '../../kb/kb-reply-articles';

/**
 * Reply or internal note. The whole composer turns yellow with a lock in internal mode, so it
 * is obvious before sending who will read it. Ctrl+Enter (⌘+Enter) sends. Ctrl+/ (⌘+/) or the
 * button opens the canned responses; the chosen one, filled for this ticket, goes in at the
 * cursor (replacing a selection) and is sent like any typed text. The text stays until the
 * comment is really saved.
 */
export function CommentComposer({ ticket, canInternal }: { ticket: Ticket; canInternal: boolean }) {
  const { t } = useTranslation('ticketDetail');
  const size = useFileSize();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const addComment = useAddComment(ticket.id);
  const queue = useUploadQueue();
  const errors = fieldErrors(addComment.error);
  const { t: tc } = useTranslation('cannedResponses');
  const [picking, setPicking] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  // Where the cursor was when the picker opened: focus moves to its search field.
  const selection = useRef({ start: 0, end: 0 });
  const openPicker = () => {
    const el = textarea.current;
    selection.current = el
      ? { start: el.selectionStart, end: el.selectionEnd }
      : { start: body.length, end: body.length };
    setPicking(true);
  };
  const { t: tk } = useTranslation('kbTicket');
  const [articles, setArticles] = useState(false);
  const openArticles = () => {
    const el = textarea.current;
    selection.current = el
      ? { start: el.selectionStart, end: el.selectionEnd }
      : { start: body.length, end: body.length };
    setArticles(true);
  };
  /** Puts text in at the cursor the composer had, then hands the cursor back after it. */
  const insertText = (inserted: string) => {
    const { text, cursor } = insertAtCursor(body, selection.current, inserted);
    setBody(text);
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(cursor, cursor);
    });
  };

  const once = useSingleFlight();
  const send = () => {
    if (!body.trim()) return;
    const pending = files;
    const sent = body;
    once((release) =>
      addComment.mutate(
        { body: { body: sent, internal: canInternal && internal } },
        {
          onSuccess: (comment) => {
            // The comment often shows (live stream) before its POST answers; whatever the agent
            // typed or attached meanwhile is the next comment, and is kept.
            setBody((current) => (current === sent ? '' : current));
            setFiles((current) => (current === pending ? [] : current));
            notifications.show({
              color: 'green',
              message: comment.internal ? t('conversation.noteAdded') : t('conversation.replySent'),
            });
            if (pending.length) void queue.add(ticket.id, pending, comment.id);
          },
          onSettled: release,
        },
      ),
    );
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      data-testid="comment-composer"
      data-internal={internal ? 'true' : 'false'}
      style={
        internal
          ? {
              background: 'var(--mantine-color-yellow-0)',
              borderColor: 'var(--mantine-color-yellow-5)',
              borderStyle: 'dashed',
            }
          : undefined
      }
    >
      <Stack gap="xs">
        <Textarea
          label={internal ? t('conversation.noteLabel') : t('conversation.replyLabel')}
          description={internal ? t('conversation.noteHint') : t('conversation.replyHint')}
          placeholder={t('conversation.placeholder')}
          autosize
          minRows={3}
          maxRows={14}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          ref={textarea}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              send();
            } else if (e.key === '/' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              openPicker();
            }
          }}
          error={errors.body}
          data-testid="comment-body"
        />
        {files.length > 0 && (
          <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {files.map((f, i) => (
              <Group key={`${f.name}-${i}`} component="li" gap="xs" wrap="nowrap">
                <IconPaperclip size={14} aria-hidden />
                <Text size="sm" truncate>
                  {f.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {size(f.size)}
                </Text>
                <CloseButton
                  size="sm"
                  aria-label={t('conversation.removeFile', { name: f.name })}
                  onClick={() => setFiles(files.filter((_, j) => j !== i))}
                />
              </Group>
            ))}
          </Stack>
        )}
        <ProblemMessage error={Object.keys(errors).length ? null : addComment.error} />
        <Group justify="space-between" gap="sm">
          <Group gap="md">
            {canInternal && (
              <Switch
                checked={internal}
                onChange={(e) => setInternal(e.currentTarget.checked)}
                color="yellow.7"
                label={
                  <Group gap={4} wrap="nowrap" component="span">
                    <IconLock size={14} aria-hidden />
                    <span>{t('conversation.internalSwitch')}</span>
                  </Group>
                }
                data-testid="comment-internal-switch"
              />
            )}
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconMessage2Bolt size={14} aria-hidden />}
              onClick={openPicker}
              title={tc('picker.openHint')}
              data-testid="canned-picker-open"
            >
              {tc('picker.open')}
            </Button>
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconBook2 size={14} aria-hidden />}
              onClick={openArticles}
              title={tk('articles.openHint')}
              data-testid="kb-reply-open"
            >
              {tk('articles.open')}
            </Button>
            <FileButton
              multiple
              onChange={(picked) => setFiles((f) => [...f, ...picked])}
              inputProps={{ 'data-testid': 'comment-attach-input' } as object}
            >
              {(props) => (
                <Button
                  {...props}
                  variant="subtle"
                  size="compact-sm"
                  leftSection={<IconPaperclip size={14} aria-hidden />}
                >
                  {t('conversation.attach')}
                </Button>
              )}
            </FileButton>
          </Group>
          <Group gap="xs">
            <Box visibleFrom="sm">
              <Text size="xs" c="dimmed">
                {t('conversation.sendHint')}
              </Text>
            </Box>
            <Button
              onClick={send}
              loading={addComment.isPending}
              disabled={!body.trim() || queue.busy}
              color={internal ? 'yellow.8' : undefined}
              leftSection={
                internal ? <IconLock size={16} aria-hidden /> : <IconSend size={16} aria-hidden />
              }
              data-testid="comment-send"
            >
              {internal ? t('conversation.sendNote') : t('conversation.send')}
            </Button>
          </Group>
        </Group>
        <UploadList queue={queue} />
      </Stack>
      <KbReplyArticles
        ticketId={ticket.id}
        opened={articles}
        internal={canInternal && internal}
        onClose={() => setArticles(false)}
        onInsert={(inserted, message) => {
          setArticles(false);
          insertText(inserted);
          notifications.show({ color: 'green', message });
        }}
      />
      <CannedResponsePicker
        ticket={ticket}
        opened={picking}
        onClose={() => setPicking(false)}
        onInsert={(rendered, chosen) => {
          const { text, cursor } = insertAtCursor(body, selection.current, rendered.body);
          setBody(text);
          setPicking(false);
          // After the modal hands focus back: put the cursor after what was inserted.
          requestAnimationFrame(() => {
            textarea.current?.focus();
            textarea.current?.setSelectionRange(cursor, cursor);
          });
          const missing = [...rendered.unknownPlaceholders, ...rendered.emptyPlaceholders];
          notifications.show({
            color: missing.length ? 'yellow' : 'green',
            message: [
              tc('picker.inserted', { title: chosen.title }),
              rendered.unknownPlaceholders.length
                ? tc('picker.unknown', { names: rendered.unknownPlaceholders.join(', ') })
                : '',
              rendered.emptyPlaceholders.length
                ? tc('picker.emptyValues', { names: rendered.emptyPlaceholders.join(', ') })
                : '',
            ]
              .filter(Boolean)
              .join(' · '),
          });
        }}
      />
    </Paper>
  );
}
