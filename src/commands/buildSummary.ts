/** "Build summary" on the ribbon: check the plan and write the summary sheet, no pane. */
import { type Host, RAG_LABELS, loadSettings, requirePlan, writeSummary } from '../app';

/** The outcome, in words for the notification. */
export interface CommandOutcome {
  ok: boolean;
  message: string;
}

/** Runs the one-click summary against any host; never throws. */
export async function runBuildSummary(host: Host): Promise<CommandOutcome> {
  try {
    const { settings } = await loadSettings(host.settings);
    const checked = await requirePlan(host.workbook, { file: host.fileName, today: host.today(), settings });
    const { summary, report } = await writeSummary(host.workbook, checked, { settings });
    const c = report.counts.workstreamRag;
    const parts = RAG_LABELS.filter((l) => c[l] > 0).map((l) => `${c[l]} ${l}`);
    return { ok: true, message: `Summary written to "${summary.name}": ${report.workstreams.length} workstreams (${parts.join(', ')}).` };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
