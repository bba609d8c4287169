import type { ReactNode } from 'react';
import { Center, Group, Paper, Stack, Title } from '@mantine/core';
import { LanguageSelect } from '@relaydesk/web-ui';

/** The frame of the pages shown without a session: the same card as the sign-in form. */
export function AccountFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper component="main" withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <Stack>
          <Group justify="space-between" wrap="nowrap">
            <Title order={1} size="h3">
              {title}
            </Title>
            <LanguageSelect />
          </Group>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
