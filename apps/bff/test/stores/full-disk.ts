// A file handle whose writes a test breaks the way a full disk does, for the audit file's tests.
import { open, type FileHandle } from 'node:fs/promises';

const enospc = () =>
  Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });

/**
 * A file whose writes the test breaks like a full disk: `tear` writes half of the next write and
 * then fails the rest; `truncate` can be refused too.
 */
export class FullDisk {
  tear = false;
  refuseTruncate = false;
  #failNext = false;

  open = async (file: string, flags: string, mode: number): Promise<FileHandle> => {
    const real = await open(file, flags, mode);
    return new Proxy(real, {
      get: (target, property) => {
        if (property === 'write') return this.#write(target);
        if (property === 'truncate') {
          return (length?: number) =>
            this.refuseTruncate ? Promise.reject(enospc()) : target.truncate(length);
        }
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
  };

  #write(target: FileHandle) {
    return async (buffer: Buffer, offset = 0) => {
      if (this.#failNext) {
        this.#failNext = false;
        throw enospc();
      }
      if (!this.tear) return target.write(buffer, offset);
      this.tear = false;
      this.#failNext = true;
      return target.write(buffer, offset, Math.floor((buffer.length - offset) / 2));
    };
  }
}
