/** Columns of the filter grid, shared by the fields and their placeholder while they load. */
export const FILTER_GRID_COLS = { base: 1, xs: 2, md: 3, lg: 5 };
