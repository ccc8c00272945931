import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'antd/dist/reset.css';
import { App, createQueryClient } from './App';
import { AuthProvider } from './auth/AuthProvider';
import { createUserManager, loadConfig } from './auth/oidc';
import { initI18n } from './i18n';

initI18n();
const config = await loadConfig();
const userManager = createUserManager(config);
const queryClient = createQueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AuthProvider userManager={userManager}>
      <App queryClient={queryClient} />
    </AuthProvider>
  </StrictMode>,
);
