import ReactDOM from 'react-dom/client';
import { CaptureApp } from '@/components/capture/CaptureApp';

ReactDOM.createRoot(document.getElementById('root')!).render(<CaptureApp />);
