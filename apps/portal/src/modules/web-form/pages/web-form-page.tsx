import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  FileInput,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@relaydesk/api-client';
import { PageLoader, useErrorText, useFieldErrors, useTranslatedName } from '@relaydesk/web-ui';
import type { Locale } from '@relaydesk/contracts';
import { useSubmitWebForm, useWebFormConfig } from '../hooks';

const LIMITS = { email: 254, name: 200, subject: 250, description: 20_000 } as const;
type Field = keyof typeof LIMITS | 'typeId';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const megabytes = (bytes: number) => `${Math.max(1, Math.round(bytes / (1024 * 1024)))} MB`;

/** The honeypot: off-screen, out of the tab order and hidden from screen readers. */
const HONEYPOT_STYLE = {
  position: 'absolute',
  left: '-10000px',
  top: 'auto',
  width: 1,
  height: 1,
  overflow: 'hidden',
} as const;

export default function WebFormPage() {
  const { t, i18n } = useTranslation('webForm');
  const errorText = useErrorText();
  const fieldErrorsOf = useFieldErrors();
  const name = useTranslatedName();
  const config = useWebFormConfig();
  const submit = useSubmitWebForm();
  const [values, setValues] = useState({ email: '', name: '', subject: '', description: '' });
  const [typeId, setTypeId] = useState('');
  const [website, setWebsite] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [filesError, setFilesError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [result, setResult] = useState<{ email: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  if (config.isPending) {
    return <PageLoader />;
  }
  if (config.isError)
    return (
      <Alert color="red" role="alert">
        {t('loadFailed')}
      </Alert>
    );
  const form = config.data;
  if (!form.enabled) {
    return (
      <Stack>
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Alert color="yellow" data-testid="web-form-closed">
          {t('closed')}
        </Alert>
      </Stack>
    );
  }

  if (result) {
    // One message whatever the address: the page must not tell who has an account.
    return (
      <Stack data-testid="web-form-result">
        <Title order={1} size="h2">
          {t('sentTitle')}
        </Title>
        <Alert color="green" role="status">
          {t('sent', { email: result.email })}
        </Alert>
        <Button
          variant="subtle"
          onClick={() => {
            setResult(null);
            setValues((v) => ({ ...v, subject: '', description: '' }));
            setFiles([]);
            // A new visit of the form: a fresh token, so the fill time counts from now.
            void config.refetch();
          }}
        >
          {t('another')}
        </Button>
      </Stack>
    );
  }

  const chosenType = typeId || form.types[0]?.id || '';
  const set = (field: keyof typeof values) => (value: string) =>
    setValues((v) => ({ ...v, [field]: value }));

  const validate = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    for (const field of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
      const value = values[field].trim();
      if (!value) found[field] = t('required');
      else if (value.length > LIMITS[field]) found[field] = t('tooLong', { max: LIMITS[field] });
    }
    if (!found.email && !EMAIL.test(values.email.trim())) found.email = t('invalidEmail');
    return found;
  };

  const filesProblem = (chosen: File[]): string | null => {
    if (chosen.length > form.maxFiles) return t('tooManyFiles', { max: form.maxFiles });
    const total = chosen.reduce((sum, f) => sum + f.size, 0);
    return total > form.maxFileBytes
      ? t('filesTooLarge', { size: megabytes(form.maxFileBytes) })
      : null;
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (submit.isPending) return;
    const found = validate();
    setErrors(found);
    setFormError(null);
    const tooMuch = filesProblem(files);
    setFilesError(tooMuch);
    if (tooMuch && !Object.keys(found).length) {
      document.getElementById('web-form-files')?.focus();
      return;
    }
    if (Object.keys(found).length) {
      document.getElementById(`web-form-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    const email = values.email.trim();
    try {
      await submit.mutateAsync({
        body: {
          email,
          name: values.name.trim(),
          subject: values.subject.trim(),
          description: values.description,
          ...(chosenType ? { typeId: chosenType } : {}),
          locale: i18n.language as Locale,
          formToken: form.formToken,
          ...(website ? { website } : {}),
        },
        files,
      });
      setResult({ email });
    } catch (error) {
      setFormError(messageFor(error));
      if (error instanceof ApiError) {
        const byField: Partial<Record<Field, string>> = {};
        for (const [field, message] of Object.entries(fieldErrorsOf(error))) {
          if (field in LIMITS || field === 'typeId') byField[field as Field] = message;
        }
        setErrors(byField);
      }
    }
  };

  const messageFor = (error: unknown): string => {
    if (!(error instanceof ApiError)) return t('failed');
    if (error.status === 429) return t('throttled');
    if (error.status === 413) return t('filesTooLarge', { size: megabytes(form.maxFileBytes) });
    if (error.problem.type.endsWith('/web-form-too-fast')) return t('tooFast');
    if (/\/web-form-(stale|invalid-token)$/.test(error.problem.type)) return t('staleForm');
    return errorText(error);
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('intro')}
        </Text>
      </div>
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="web-form">
        <Stack gap="md">
          {formError && (
            <Alert color="red" role="alert" data-testid="web-form-error">
              {formError}
            </Alert>
          )}
          <TextInput
            id="web-form-email"
            label={t('email')}
            description={t('emailHint')}
            type="email"
            autoComplete="email"
            required
            maxLength={LIMITS.email}
            value={values.email}
            onChange={(e) => set('email')(e.currentTarget.value)}
            error={errors.email}
          />
          <TextInput
            id="web-form-name"
            label={t('name')}
            autoComplete="name"
            required
            maxLength={LIMITS.name}
            value={values.name}
            onChange={(e) => set('name')(e.currentTarget.value)}
            error={errors.name}
          />
          {form.types.length > 0 && (
            <NativeSelect
              id="web-form-typeId"
              label={t('type')}
              required
              data={form.types.map((type) => ({ value: type.id, label: name(type.name) }))}
              value={chosenType}
              onChange={(e) => setTypeId(e.currentTarget.value)}
              error={errors.typeId}
            />
          )}
          <TextInput
            id="web-form-subject"
            label={t('subject')}
            required
            maxLength={LIMITS.subject}
            value={values.subject}
            onChange={(e) => set('subject')(e.currentTarget.value)}
            error={errors.subject}
          />
          <Textarea
            id="web-form-description"
            label={t('description')}
            required
            autosize
            minRows={5}
            maxLength={LIMITS.description}
            value={values.description}
            onChange={(e) => set('description')(e.currentTarget.value)}
            error={errors.description}
          />
          <FileInput
            id="web-form-files"
            label={t('files')}
            description={t('filesHint', {
              max: form.maxFiles,
              size: megabytes(form.maxFileBytes),
            })}
            multiple
            clearable
            value={files}
            onChange={(chosen) => {
              setFiles(chosen);
              setFilesError(filesProblem(chosen));
            }}
            error={filesError}
            data-testid="web-form-files"
          />
          <div aria-hidden="true" style={HONEYPOT_STYLE}>
            <label htmlFor="web-form-website">{t('honeypot')}</label>
            <input
              id="web-form-website"
              name="website"
              type="text"
              tabIndex={-1}
              autoComplete="off"
              value={website}
              onChange={(e) => setWebsite(e.currentTarget.value)}
            />
          </div>
          <div>
            <Button type="submit" loading={submit.isPending} data-testid="web-form-send">
              {t('send')}
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}
