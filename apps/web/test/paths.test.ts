// Addresses: sign-in carries the page to return to, and only a page of this app is followed.
import { describe, expect, it } from 'vitest';
import { paths, safeNext } from '@/config/paths';

describe('paths', () => {
  it('keeps the page to return to after sign-in', () => {
    expect(paths.signIn('/instances/5203773')).toBe('/sign-in?next=%2Finstances%2F5203773');
    expect(paths.signIn('/')).toBe('/sign-in');
    expect(paths.signIn()).toBe('/sign-in');
  });

  it('follows only addresses inside the app after sign-in', () => {
    expect(safeNext('/instances/1/schedules/2/edit')).toBe('/instances/1/schedules/2/edit');
    expect(safeNext('https://evil.example/')).toBe('/instances');
    expect(safeNext('//evil.example/')).toBe('/instances');
    expect(safeNext('/\\evil.example/')).toBe('/instances');
    expect(safeNext(null)).toBe('/instances');
  });
});
