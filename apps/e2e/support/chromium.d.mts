export const CHROMIUM: string;
export const CHROMIUM_ARGS: string[];
export const BROWSER_ENDPOINT_ENV: string;
