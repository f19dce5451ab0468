/**
 * Small builders of typed Vega-Lite specs shared by two or more families, one builder per file.
 * They return plain spec objects (never strings); the report renders them to SVG.
 * @module
 */
export { type Row, VEGA_LITE_SCHEMA } from "./schema.ts";
export { lineChart, type LineOptions } from "./line.ts";
export { type HistogramFacetOptions, histogramFacets } from "./histogram_facets.ts";
export { scatterChart, type ScatterOptions } from "./scatter.ts";
export { bandChart, type BandOptions } from "./band.ts";
export { heatmapFacets, type HeatmapOptions } from "./heatmap_facets.ts";
export { labelledHeatmap, type LabelledHeatmapOptions } from "./labelled_heatmap.ts";
export { type GroupedBarOptions, groupedBars } from "./grouped_bars.ts";
export { thin } from "./thin.ts";
