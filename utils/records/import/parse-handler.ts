import { reason } from '@/utils/records/reason';
import { guessHeader } from '@/utils/records/import/header';
import type { ParseReply, ParseRequest } from '@/utils/records/import/parse-protocol';
import { rowsPerMessage } from '@/utils/records/import/parse-protocol';
import { draftRows, encodingNotices, planColumns } from '@/utils/records/import/preview';
import { ImportFileError, readTable, type Table } from '@/utils/records/import/read-table';

/**
 * What the import worker does with each request, written apart from the worker so the page can run it in its
 * own thread where no worker can start (and tests run it directly). It keeps the file's table between requests:
 * a changed column mapping drafts the rows again without reading the file again.
 */
export function createParseHandler(post: (reply: ParseReply) => void): (request: ParseRequest) => Promise<void> {
  let table: Table | null = null;
  return async (request) => {
    try {
      if (request.type === 'read') {
        table = null;
        table = await readTable(request.fileName, request.bytes, (stage, done, total) =>
          post({ type: 'progress', stage, done, total }),
        );
        const header = guessHeader(table);
        post({ type: 'read', header, dataRows: header ? Math.max(0, table.rows.length - header.headerRow - 1) : 0 });
        return;
      }
      if (!table) throw new Error('no table');
      const header = { headerRow: request.headerRow, labels: request.labels, mapping: request.mapping };
      const columns = planColumns(table, header);
      const rows = draftRows(
        table,
        header,
        columns,
        (done, total) => post({ type: 'progress', stage: 'rows', done, total }),
        new Date(request.now),
      );
      for (let i = 0; i < rows.length; i += rowsPerMessage)
        post({ type: 'rows', rows: rows.slice(i, i + rowsPerMessage) });
      post({ type: 'drafted', notices: encodingNotices(table, columns) });
    } catch (error) {
      post({
        type: 'error',
        reason:
          error instanceof ImportFileError
            ? error.reason
            : reason('import.error.read', {
                detail: error instanceof Error ? error.message || error.name : String(error),
              }),
      });
    }
  };
}
