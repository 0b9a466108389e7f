import ReactDOM from 'react-dom/client';
import { TrainingApp } from '@/components/training/TrainingApp';

ReactDOM.createRoot(document.getElementById('root')!).render(<TrainingApp />);
