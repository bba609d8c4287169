import { notifications } from '@mantine/notifications';
import { useErrorText } from './problem-message';

/**
 * Sends picked files one by one (the API takes one file a request) with `upload`: a refused one is
 * said in a notification titled `failedTitle(its name)` with the API's reason, and the others
 * still go. The one way the agent's file panels and forms upload several files.
 */
export function useUploadFiles(failedTitle: (fileName: string) => string) {
  const errorText = useErrorText();
  return async (files: readonly File[], upload: (file: File) => Promise<unknown>) => {
    for (const file of files) {
      await upload(file).catch((e: unknown) =>
        notifications.show({ color: 'red', title: failedTitle(file.name), message: errorText(e) }),
      );
    }
  };
}
