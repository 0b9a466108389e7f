/** Counts as a table: a label and its number a row (the chart's text alternative, the printed report's figures). */
export function CountTable({
  rows,
  caption,
  className,
}: {
  rows: ReadonlyArray<readonly [string, number]>;
  caption?: string;
  className?: string;
}) {
  return (
    <table className={className}>
      {caption && <caption>{caption}</caption>}
      <tbody>
        {rows.map(([label, n]) => (
          <tr key={label}>
            <th>{label}</th>
            <td>{n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
