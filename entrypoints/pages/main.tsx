import ReactDOM from 'react-dom/client';
import { PagesIndex } from '@/components/pages/PagesIndex';

ReactDOM.createRoot(document.getElementById('root')!).render(<PagesIndex />);
