import '@mantine/core/styles.css';
import './app/fonts.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { startI18n } from './i18n/setup.ts';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

const locale = await startI18n();
createRoot(root).render(
  <StrictMode>
    <App initialLocale={locale} />
  </StrictMode>,
);
