// @crawlee/playwright's type declarations import from 'playwright'; this project installs only
// 'playwright-core' (Chromium comes from Debian, ENV-NOTES.md), whose API is the same. Without
// this, every Playwright type Crawlee hands us would silently be `any`.
declare module 'playwright' {
  export * from 'playwright-core';
}
