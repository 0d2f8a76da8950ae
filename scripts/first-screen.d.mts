// Types of first-screen.mjs, for the end-to-end test that imports it.
export interface Chunk {
  file: string;
  isEntry: boolean;
  modules: string[];
  imports: string[];
  dynamicImports: string[];
}
export declare function firstScreenFiles(chunks: readonly Chunk[]): Map<string, string[]>;
