/**
 * The preload script (sandboxed, CommonJS): exposes the typed bridge as `window.pcs` in the
 * page's world and nothing else: no ipcRenderer, no Node, no event objects.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('pcs', createBridge(ipcRenderer, (file) => webUtils.getPathForFile(file as File)));
