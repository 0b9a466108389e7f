import ReactDOM from 'react-dom/client';
import { SlipApp } from '@/components/slip/SlipApp';

ReactDOM.createRoot(document.getElementById('root')!).render(<SlipApp />);
