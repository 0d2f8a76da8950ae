// What the signed-in operator may do: editors change schedules, viewers only look.
import { useSession } from '../api/get-session';

export function useCanChange(): boolean {
  return useSession().data?.role === 'editor';
}
