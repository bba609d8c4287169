import { Fragment } from 'react';

/**
 * A device's name with its hyphenated words kept whole ("Weishaupt WM-G20" never ends a line
 * with "WM-"): each such word moves to the next line as one piece, and breaks only when it is
 * longer than a whole line. A browser may otherwise wrap after any hyphen, which a narrow
 * column (a 375 px phone, longer Russian labels beside it) does to short model names.
 */
export function UnbrokenName({ name }: { name: string }) {
  return (
    <>
      {name.split(/(\s+)/).map((part, i) =>
        part.includes('-') ? (
          <span key={i} style={{ display: 'inline-block', maxWidth: '100%' }}>
            {part}
          </span>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
