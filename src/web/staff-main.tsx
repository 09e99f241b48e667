import '@mantine/core/styles.css';
import './app/fonts.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StaffApp } from './features/staff/app/StaffApp.tsx';
import { startI18n } from './i18n/setup.ts';

// The staff app: its own entry and chunks (the citizen portal never loads them), the same
// primitives, theme and catalogues, plus the staff's own words.
const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

const locale = await startI18n({ staff: true });
createRoot(root).render(
  <StrictMode>
    <StaffApp initialLocale={locale} />
  </StrictMode>,
);
