// The whole app, as main.tsx mounts it.
import { useState } from 'react';
import { LoadFailure } from '@/components/ui/route-loading';
import { createQueryClient } from '@/lib/query-client';
import { AppProvider } from './provider';
import { AppRouter } from './router';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <AppProvider queryClient={queryClient}>
      {/* A dialog or panel whose code could not be loaded: the page says so instead of going blank. */}
      <LoadFailure>
        <AppRouter />
      </LoadFailure>
    </AppProvider>
  );
}
