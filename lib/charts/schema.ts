/**
 * What every chart builder shares: the Vega-Lite schema URL (in one place) and the row type.
 * @module
 */

/** The Vega-Lite schema every spec of the report declares. */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** A row of chart data. */
export type Row = Record<string, number | string | boolean | null>;
