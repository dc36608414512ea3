import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { cacheMatchMedia } from './perf/matchMediaCache';
import './styles/app.css';
import './styles/editor.css';
import './styles/polish.css';

cacheMatchMedia();

const root = document.getElementById('root');
if (!root) throw new Error('No #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
