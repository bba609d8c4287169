import { useEffect, useMemo, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '@relaydesk/web-auth';
import { saveBlob } from '@relaydesk/web-tickets';
import { kbAttachmentKeys, kbAttachmentsApi } from './kb-attachments';

/**
 * An image of an article's own files, as the server writes it for signed-in readers. The HTML
 * is the server's sanitized output, whose attribute values never hold a raw `"` or `>`.
 */
const SIGNED_IN_IMAGE =
  /(<img\b[^>]*?)\ssrc="\/api\/v1\/kb\/articles\/([0-9a-fA-F-]{36})\/attachments\/([0-9a-fA-F-]{36})"/g;

/** A link to an article's own file, as the server writes it for signed-in readers. */
const SIGNED_IN_FILE_LINK =
  /^\/api\/v1\/kb\/articles\/([0-9a-fA-F-]{36})\/attachments\/([0-9a-fA-F-]{36})$/;

/** Keeps a fetched image this long, so moving between pages does not download it again. */
const IMAGE_STALE_MS = 5 * 60_000;

/**
 * Holds back the article files' images of a body until they can be fetched with the session's
 * token: a browser sends no Authorization header for `<img src>`, and a token never goes in a
 * URL. Their `src` becomes `data-kb-file`, so nothing is requested without the token; once
 * rendered, each is fetched through the API client and shown from a blob URL. A click on a
 * link to one of the files downloads it the same way. The public KB's bodies point at the
 * public path (the server rewrites them), which `<img>` and links load as they are.
 *
 * Use: `const body = useKbBodyHtml(html)` and `<div ref={body.ref}
 * dangerouslySetInnerHTML={{ __html: body.html }} />`.
 */
export function useKbBodyHtml<E extends HTMLElement = HTMLDivElement>(html: string) {
  const api = useApi();
  const client = useQueryClient();
  const ref = useRef<E>(null);
  const deferred = useMemo(() => html.replace(SIGNED_IN_IMAGE, '$1 data-kb-file="$2/$3"'), [html]);

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const urls: string[] = [];
    let live = true;
    for (const img of Array.from(root.querySelectorAll<HTMLImageElement>('img[data-kb-file]'))) {
      const [articleId, attachmentId] = (img.dataset.kbFile ?? '').split('/');
      img.dataset.kbFileState = 'loading';
      client
        .fetchQuery({
          queryKey: kbAttachmentKeys.file(articleId, attachmentId),
          queryFn: () => kbAttachmentsApi.download(api, 'signed-in', articleId, attachmentId),
          staleTime: IMAGE_STALE_MS,
        })
        .then(
          (blob) => {
            if (!live) return;
            const url = URL.createObjectURL(blob);
            urls.push(url);
            img.src = url;
            img.dataset.kbFileState = 'loaded';
          },
          // A file deleted or out of the reader's audience: the alt text stays, as for any
          // image that does not load.
          () => {
            if (live) img.dataset.kbFileState = 'failed';
          },
        );
    }
    const onClick = (ev: MouseEvent) => {
      const link = ev.target instanceof Element ? ev.target.closest('a[href]') : null;
      const file = link ? SIGNED_IN_FILE_LINK.exec(link.getAttribute('href') ?? '') : null;
      if (!link || !file) return;
      ev.preventDefault();
      kbAttachmentsApi.download(api, 'signed-in', file[1], file[2]).then(
        (blob) => saveBlob(blob, link.textContent?.trim() || 'file'),
        () => link.setAttribute('data-kb-file-state', 'failed'),
      );
    };
    root.addEventListener('click', onClick);
    return () => {
      root.removeEventListener('click', onClick);
      live = false;
      for (const url of urls) URL.revokeObjectURL(url);
    };
  }, [deferred, api, client]);

  return { ref, html: deferred };
}
