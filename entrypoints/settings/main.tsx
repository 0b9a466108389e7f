import ReactDOM from 'react-dom/client';
import { SettingsPage } from '@/components/settings/SettingsPage';

ReactDOM.createRoot(document.getElementById('root')!).render(<SettingsPage />);
