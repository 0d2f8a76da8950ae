// Reading one failed server again: which are being read, and the failure of the last try per
// server (shown instead of the first one).
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { retryInstance } from '../api/get-fleet';

export interface InstanceRetry {
  retrying: (id: string) => boolean;
  error: (id: string) => unknown;
  retry: (id: string) => Promise<void>;
}

export function useInstanceRetry(): InstanceRetry {
  const queryClient = useQueryClient();
  const [retrying, setRetrying] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<ReadonlyMap<string, unknown>>(new Map());
  const retry = async (id: string) => {
    setRetrying((current) => new Set(current).add(id));
    try {
      await retryInstance(queryClient, id);
      setErrors((current) => {
        const next = new Map(current);
        next.delete(id);
        return next;
      });
    } catch (error) {
      setErrors((current) => new Map(current).set(id, error));
    } finally {
      setRetrying((current) => {
        const next = new Set(current);
        next.delete(id);
        return next;
      });
    }
  };
  return { retrying: (id) => retrying.has(id), error: (id) => errors.get(id), retry };
}
