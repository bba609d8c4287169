import { useEffect, useRef, useState } from 'react';
import { Button, FileButton, Group, Loader, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '@relaydesk/web-ui';
import { preloadStrings } from '../../lazy-strings';
import { attachmentMarkdown, useUploadKbAttachment } from './kb-attachments-api';
import type { KbBodyField } from './kb-body-field';
import type { TextEdit } from './kb-markdown-format';

preloadStrings(['kbFiles']);

/** Files in a paste, unless it is text: Word puts a picture of copied text beside the text. */
function pastedFiles(data: DataTransfer | null): File[] {
  if (!data || data.getData('text/plain').trim() !== '') return [];
  return Array.from(data.files);
}

/** The inserted text as a paragraph of its own, the cursor after it. */
function onItsOwnLine(e: TextEdit, markdown: string): TextEdit {
  const before = e.text.slice(0, e.start);
  const after = e.text.slice(e.end);
  const lead =
    before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const insert = `${lead}${markdown}\n\n`;
  const cursor = before.length + insert.length;
  return { text: before + insert + after, start: cursor, end: cursor };
}

/**
 * The editor's "attach file or image": the button, and images dropped or pasted into the
 * Markdown body. Each file is uploaded to the article, then `![name](url)` (an image shown
 * inline) or `[name](url)` (any other file) goes in at the cursor. A new article has no id
 * yet: its first save comes first.
 */
export function KbAttachmentsUpload({
  articleId,
  body,
}: {
  articleId: string | undefined;
  body: KbBodyField;
}) {
  const { t } = useTranslation('kbFiles');
  const errorText = useErrorText();
  const upload = useUploadKbAttachment(articleId ?? '');
  const [uploading, setUploading] = useState<string[]>([]);

  const send = async (files: File[]) => {
    for (const file of files) {
      setUploading((names) => [...names, file.name]);
      try {
        const markdown = attachmentMarkdown(await upload.mutateAsync(file));
        body.apply((e) => onItsOwnLine(e, markdown));
      } catch (e) {
        notifications.show({
          color: 'red',
          title: t('uploadFailed', { name: file.name }),
          message: errorText(e),
        });
      } finally {
        setUploading((names) => names.filter((n, i) => i !== names.indexOf(file.name)));
      }
    }
  };
  // The listeners below live as long as the text area; they call the latest `send`.
  const sendRef = useRef(send);
  sendRef.current = send;

  const area = body.ref;
  useEffect(() => {
    const el = area.current;
    if (!el || !articleId) return;
    const onPaste = (e: ClipboardEvent) => {
      const files = pastedFiles(e.clipboardData);
      if (files.length === 0) return;
      e.preventDefault();
      void sendRef.current(files);
    };
    const onDragOver = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length === 0) return;
      e.preventDefault();
      void sendRef.current(files);
    };
    el.addEventListener('paste', onPaste);
    el.addEventListener('dragover', onDragOver);
    el.addEventListener('drop', onDrop);
    return () => {
      el.removeEventListener('paste', onPaste);
      el.removeEventListener('dragover', onDragOver);
      el.removeEventListener('drop', onDrop);
    };
  }, [area, articleId]);

  return (
    <Group gap="sm" wrap="wrap" data-testid="kb-files-upload">
      <FileButton
        onChange={(files) => void send(files)}
        multiple
        disabled={!articleId}
        inputProps={{ 'data-testid': 'kb-files-input' } as React.ComponentProps<'input'>}
      >
        {(props) => (
          <Button
            {...props}
            variant="default"
            size="xs"
            leftSection={<IconPaperclip size={16} aria-hidden />}
            data-testid="kb-files-attach"
          >
            {t('attach')}
          </Button>
        )}
      </FileButton>
      <Text size="xs" c="dimmed" style={{ flex: 1, minWidth: 200 }}>
        {articleId ? t('attachHint') : t('saveFirst')}
      </Text>
      <Group gap={6} aria-live="polite" data-testid="kb-files-uploading">
        {uploading.length > 0 && (
          <>
            <Loader size="xs" />
            <Text size="xs">{t('uploading', { name: uploading[0] })}</Text>
          </>
        )}
      </Group>
    </Group>
  );
}
