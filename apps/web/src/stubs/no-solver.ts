/**
 * Stands in for the LP solvers (`highs`, `glpk.js`) in the browser build: the core's planning imports them, the
 * dashboard never plans in the page (the server does), and their WebAssembly (≈ 3.8 MB) would only be dead weight.
 */
const noSolver = (): never => {
  throw new Error('metrocoop dashboard: the LP solvers run on the server, not in the browser.');
};
export default noSolver;
