// Grey placeholders shown while data loads, so the layout does not jump when it arrives.
export function Skeleton({ width = '100%', height = '1em' }: { width?: string; height?: string }) {
  return <span className="skeleton" style={{ width, height }} aria-hidden="true" />;
}

/** A loading region that screen readers announce once, with placeholders for the eye. */
export function LoadingBlock({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="status" aria-live="polite" className="loading-block">
      <span className="visually-hidden">{label}</span>
      {children}
    </div>
  );
}
