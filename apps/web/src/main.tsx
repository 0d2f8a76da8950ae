// Entry point: loads the UI language's texts, then mounts the app into index.html.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startI18n } from '@/lib/i18n';
import { App } from './app';
import './styles.css';
import './team.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Without its texts (a failed load) the app still starts; a reload fetches them again.
void startI18n()
  .catch(() => undefined)
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
