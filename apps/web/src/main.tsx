/** The dashboard's entry: the first requests (boot.ts: imported first, so it runs before the rest is evaluated), then the shell into `#root`. */
import './boot.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { pageApi } from './boot.ts';
import './styles.css';

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <App api={pageApi} />
    </StrictMode>,
  );
}
