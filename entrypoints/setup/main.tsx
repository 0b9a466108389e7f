import ReactDOM from 'react-dom/client';
import { SetupPage } from '@/components/setup/SetupPage';

ReactDOM.createRoot(document.getElementById('root')!).render(<SetupPage />);
