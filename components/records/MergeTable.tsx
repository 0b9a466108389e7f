import { t, type Language } from '@/utils/i18n';
import { fieldSpec } from '@/utils/records/fields';
import { showFieldValue } from '@/utils/records/form';
import { personFields, type Person, type PersonField } from '@/utils/records/schema';

export type MergeChoice = 'existing' | 'incoming';

/** The fields where the incoming person (a spreadsheet row, a scanned card) says something else than the record. */
export function differingFields(existing: Person, incoming: Record<string, unknown>): PersonField[] {
  return personFields.filter(
    (f) => incoming[f] !== undefined && showFieldValue(existing[f]) !== showFieldValue(incoming[f]),
  );
}

/** Field by field, the stored value beside the incoming one; the officer picks which to keep. */
export function MergeTable(props: {
  existing: Person;
  incoming: Record<string, unknown>;
  fields: PersonField[];
  headers: [existing: string, incoming: string];
  choiceOf: (field: PersonField) => MergeChoice;
  onChoose: (field: PersonField, choice: MergeChoice) => void;
  language?: Language;
}) {
  const { existing, incoming, fields, headers, choiceOf, onChoose, language = 'vi' } = props;
  return (
    <table>
      <thead>
        <tr>
          <th />
          <th>{headers[0]}</th>
          <th>{headers[1]}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr key={f}>
            <td>{t(language, fieldSpec(f).label)}</td>
            {(['existing', 'incoming'] as const).map((side) => (
              <td key={side}>
                <label>
                  <input
                    type="radio"
                    name={`merge-${f}`}
                    checked={choiceOf(f) === side}
                    onChange={() => onChoose(f, side)}
                  />{' '}
                  {showFieldValue(side === 'existing' ? existing[f] : incoming[f])}
                </label>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
