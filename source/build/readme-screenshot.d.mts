// Types for the test that keeps the README's screenshot true.
export declare const screenshotSize: {columns: number; rows: number};
export declare const screenshotDay: string;
export declare const readmeFile: string;
export declare function renderScreenshot(options?: {cli?: string; timeoutMs?: number}): Promise<string>;
export declare function readmeScreenshot(readme?: string): string | null;
