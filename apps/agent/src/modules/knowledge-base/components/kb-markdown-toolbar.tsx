import { ActionIcon, Group, Tooltip } from '@mantine/core';
import {
  IconBlockquote,
  IconBold,
  IconCode,
  IconHeading,
  IconItalic,
  IconLink,
  IconList,
  IconListNumbers,
  IconSourceCode,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KbBodyField } from '../kb-body-field';
import {
  codeBlock,
  insertLink,
  prefixLines,
  wrapSelection,
  type TextEdit,
} from '../kb-markdown-format';

type Action = { key: string; icon: ReactNode; shortcut?: string; edit: (e: TextEdit) => TextEdit };

/** Buttons for the common Markdown marks; Ctrl+B / Ctrl+I / Ctrl+K in the text do the same. */
export function KbMarkdownToolbar({ body }: { body: KbBodyField }) {
  const { t } = useTranslation('kb');
  const ph = (k: string) => t(`editor.placeholders.${k}`);
  const actions: Action[] = [
    {
      key: 'bold',
      icon: <IconBold size={16} />,
      shortcut: 'Ctrl+B',
      edit: (e) => wrapSelection(e, '**', '**', ph('bold')),
    },
    {
      key: 'italic',
      icon: <IconItalic size={16} />,
      shortcut: 'Ctrl+I',
      edit: (e) => wrapSelection(e, '_', '_', ph('italic')),
    },
    {
      key: 'heading',
      icon: <IconHeading size={16} />,
      edit: (e) => prefixLines(e, () => '## ', ph('heading')),
    },
    {
      key: 'bulletList',
      icon: <IconList size={16} />,
      edit: (e) => prefixLines(e, () => '- ', ph('listItem')),
    },
    {
      key: 'numberedList',
      icon: <IconListNumbers size={16} />,
      edit: (e) => prefixLines(e, (i) => `${i + 1}. `, ph('listItem')),
    },
    {
      key: 'quote',
      icon: <IconBlockquote size={16} />,
      edit: (e) => prefixLines(e, () => '> ', ph('listItem')),
    },
    {
      key: 'link',
      icon: <IconLink size={16} />,
      shortcut: 'Ctrl+K',
      edit: (e) => insertLink(e, ph('linkText')),
    },
    {
      key: 'code',
      icon: <IconCode size={16} />,
      edit: (e) => wrapSelection(e, '`', '`', ph('code')),
    },
    { key: 'codeBlock', icon: <IconSourceCode size={16} />, edit: (e) => codeBlock(e, ph('code')) },
  ];
  return (
    <Group gap={4} role="toolbar" aria-label={t('editor.toolbar.label')} data-testid="kb-toolbar">
      {actions.map((a) => {
        const label = t(`editor.toolbar.${a.key}`);
        return (
          <Tooltip key={a.key} label={a.shortcut ? `${label} (${a.shortcut})` : label}>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={label}
              aria-keyshortcuts={a.shortcut?.replace('Ctrl', 'Control')}
              data-testid={`kb-toolbar-${a.key}`}
              // Keep the selection in the text: a click would move the focus first.
              onMouseDown={(ev) => ev.preventDefault()}
              onClick={() => body.apply(a.edit)}
            >
              {a.icon}
            </ActionIcon>
          </Tooltip>
        );
      })}
    </Group>
  );
}

/** The toolbar's shortcuts inside the text area. */
export function useKbMarkdownShortcuts(body: KbBodyField, placeholders: (k: string) => string) {
  return (ev: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (!(ev.ctrlKey || ev.metaKey) || ev.altKey || ev.shiftKey) return;
    const key = ev.key.toLowerCase();
    const edit =
      key === 'b'
        ? (e: TextEdit) => wrapSelection(e, '**', '**', placeholders('bold'))
        : key === 'i'
          ? (e: TextEdit) => wrapSelection(e, '_', '_', placeholders('italic'))
          : key === 'k'
            ? (e: TextEdit) => insertLink(e, placeholders('linkText'))
            : null;
    if (!edit) return;
    ev.preventDefault();
    body.apply(edit);
  };
}
