/// <reference types="vite/client" />
import type { PreloadBridge } from '../shared/contract';

declare global {
  interface Window {
    /** Present only in Electron: the preload bridge. Browser mode talks HTTP instead. */
    pcs?: PreloadBridge;
  }
}

export {};
