import { useEffect, useState } from 'react';
import { slipsItem } from '@/utils/background/slips';
import type { Slip } from '@/utils/messaging/protocol';
import { vnLocal } from '@/utils/calendar/calendar';
import { formatDong, procedureByCode } from '@/utils/procedures/catalogue';
import { readEffectiveSettings } from '@/utils/settings/store';
import { loadAdminUnits } from '@/utils/vn/admin-units-loader';
import { vnDateLong } from '@/utils/procedures/reception';
import '@/components/slip/slip.css';

const day = (iso: string) => iso.split('-').reverse().join('/');

/** "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", A4, from what the panel sent. */
export function SlipApp() {
  const { slip, ward } = useSlip();
  if (slip === undefined) return null;
  if (slip === null)
    return (
      <p role="alert">
        Không tìm thấy giấy tiếp nhận này (đã quá một giờ hoặc trình duyệt đã đóng). Hãy bấm "In giấy tiếp nhận" lại
        trong bảng trợ giúp.
      </p>
    );
  const procedure = procedureByCode(slip.procedureCode);
  // Vietnam's time of receipt (the calendar's own reading of an instant), for the date as well as the hour.
  const local = vnLocal(new Date(slip.receivedAt));
  const time = `${String(Math.floor(local.minutes / 60)).padStart(2, '0')}:${String(local.minutes % 60).padStart(2, '0')}`;
  return (
    <article className="slip" data-testid="slip">
      <SlipHeader ward={ward} />
      <h1>Giấy tiếp nhận hồ sơ và hẹn trả kết quả</h1>
      {slip.dossierCode && (
        <p className="center">
          Mã hồ sơ: <b data-testid="slip-code">{slip.dossierCode}</b>
        </p>
      )}
      <p>
        Bộ phận Một cửa {ward?.name ?? ''} tiếp nhận hồ sơ của: <b data-testid="slip-citizen">{slip.citizenName}</b>
      </p>
      <p>
        Thủ tục: <b>{procedure?.name ?? slip.procedureCode}</b>
        {procedure ? ` (mã ${procedure.code})` : ''}
      </p>
      <p>Thành phần hồ sơ gồm:</p>
      <ol>{slip.papers.length > 0 ? slip.papers.map((p) => <li key={p}>{p}</li>) : <li>(chưa ghi giấy tờ nào)</li>}</ol>
      <p>
        Lệ phí: <b data-testid="slip-fee">{slip.fee === null ? (procedure?.fee.note ?? '—') : formatDong(slip.fee)}</b>
      </p>
      <p>
        Thời điểm nhận: {time} ngày {day(local.iso)}
        {slip.received !== local.iso ? ` (tính là ngày ${day(slip.received)})` : ''}
      </p>
      <p>
        Ngày hẹn trả kết quả:{' '}
        <b data-testid="slip-due">{slip.due ? vnDateLong(slip.due) : (procedure?.processing.note ?? '—')}</b>
      </p>
      <SlipSignatures officerName={slip.officerName} />
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          In giấy tiếp nhận
        </button>
      </p>
    </article>
  );
}

type Ward = { name: string; province: string };

/** The slip the panel stored under the page's `id` (null when gone), and the centre's ward from the settings. */
function useSlip() {
  const [slip, setSlip] = useState<Slip | null | undefined>(undefined);
  const [ward, setWard] = useState<Ward | null>(null);
  useEffect(() => {
    const id = new URLSearchParams(location.search).get('id') ?? '';
    void slipsItem.getValue().then((all) => setSlip(all[id] ?? null));
    void readEffectiveSettings().then(async (settings) => {
      const ref = settings.ward.value;
      if (!ref) return;
      const units = await loadAdminUnits();
      setWard({
        name: units.commune(ref.wardCode)?.fullName ?? '',
        province: units.province(ref.provinceCode)?.fullName ?? '',
      });
    });
  }, []);
  return { slip, ward };
}

function SlipHeader({ ward }: { ward: Ward | null }) {
  return (
    <header>
      <div className="left">
        <p className="upper">{ward ? `UBND ${ward.name}` : 'UBND xã/phường'}</p>
        <p className="upper bold">Bộ phận Một cửa</p>
      </div>
      <div className="right">
        <p className="upper bold">Cộng hoà xã hội chủ nghĩa Việt Nam</p>
        <p className="bold">Độc lập - Tự do - Hạnh phúc</p>
      </div>
    </header>
  );
}

function SlipSignatures({ officerName }: { officerName: string }) {
  return (
    <footer>
      <div>
        <p className="bold">Người nộp hồ sơ</p>
        <p className="muted">(Ký, ghi rõ họ tên)</p>
      </div>
      <div>
        <p className="bold">Người tiếp nhận</p>
        <p className="muted">(Ký, ghi rõ họ tên)</p>
        <p className="name">{officerName}</p>
      </div>
    </footer>
  );
}
