import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * One theme for the agent workspace and the client portal. Shades are chosen for WCAG AA
 * contrast (4.5:1) of white text on filled elements; axe checks it in the browser tests.
 */
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 9,
  autoContrast: true,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif' },
  components: {
    // Mantine renders modal headers as <header>, which reads as a second page banner.
    ModalHeader: { defaultProps: { role: 'none' } },
  },
});

/** Mantine's default "dimmed" grey is too light for small text on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
    // Text of "light" teal elements (active nav link, tabs) on their pale background.
    '--mantine-color-teal-light-color': '#06694b',
    // Mantine lightens a shade-9 filled button on hover (teal 8: 3.9:1 with white); darken it.
    '--mantine-color-teal-filled-hover': '#06694b',
  },
  dark: {},
});
