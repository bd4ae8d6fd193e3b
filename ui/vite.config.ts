import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    target: "safari15",
    // Inlined assets would be data: URLs, which the CSP does not allow.
    assetsInlineLimit: 0,
    // One stylesheet, loaded with the page: WebKit holds a page's first paint while a stylesheet
    // is loading, so the app's, loaded beside its code after the window's frame, would hold the
    // frame back (docs/PERFORMANCE.md, first paint).
    cssCodeSplit: false,
  },
  // The contrast test reads the theme's tokens from theme.css itself (vitest empties CSS otherwise).
  test: { environment: "node", include: ["src/**/*.test.ts"], css: { include: [/theme\.css/] } },
});
