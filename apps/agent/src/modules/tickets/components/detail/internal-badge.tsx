import { Badge, type BadgeProps } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';

/** "Internal" marker: a lock and a word, dark on yellow (never color alone). */
export function InternalBadge({ children, size = 'sm', ...rest }: BadgeProps) {
  return (
    <Badge
      color="yellow.4"
      c="dark.8"
      variant="filled"
      size={size}
      leftSection={<IconLock size={size === 'xs' ? 10 : 12} aria-hidden />}
      style={{ flexShrink: 0 }}
      {...rest}
    >
      {children}
    </Badge>
  );
}
