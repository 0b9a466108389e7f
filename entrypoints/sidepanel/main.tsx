import ReactDOM from 'react-dom/client';
import { SidePanelPage } from '@/components/panel/SidePanelPage';

ReactDOM.createRoot(document.getElementById('root')!).render(<SidePanelPage />);
