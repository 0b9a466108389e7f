/** A spreadsheet cell as the import sees it. */
export type Cell = string | number | Date | boolean | null;
