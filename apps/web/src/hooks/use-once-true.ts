// True from the first render in which `value` was true: a dialog loaded on demand stays mounted
// once opened, so that closing it gives the focus back as a native <dialog> does.
import { useState } from 'react';

export function useOnceTrue(value: boolean): boolean {
  const [seen, setSeen] = useState(value);
  if (value && !seen) setSeen(true);
  return seen || value;
}
