import { Stack, Text, Title } from '@mantine/core';
import { BackLink } from './back-link';

/** A missing record and one the client may not see read the same: the API answers both 404. */
export function RegisterNotFound({
  title,
  text,
  back,
}: {
  title: string;
  text: string;
  back: { to: string; label: string };
}) {
  return (
    <Stack gap="sm" data-testid="register-not-found">
      <BackLink to={back.to} label={back.label} />
      <Title order={2}>{title}</Title>
      <Text c="dimmed">{text}</Text>
    </Stack>
  );
}
