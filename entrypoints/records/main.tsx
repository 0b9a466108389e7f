import ReactDOM from 'react-dom/client';
import { RecordsApp } from '@/components/records/RecordsApp';

ReactDOM.createRoot(document.getElementById('root')!).render(<RecordsApp />);
