import { api, must, type DeskCall, type Schemas } from './api.js';
import { html, useLoad } from './ui.js';

type Model = Schemas['UsmModel'];
let model: Promise<Model> | undefined;
/** The USM model, read once from the gateway. */
export const usmModel = (): Promise<Model> => (model ??= must(api.GET('/v1/desk/model')));

const TITLE: Record<string, string> = { agree: 'Agree', change: 'Change', recover: 'Recover', operate: 'Operate', improve: 'Improve' };

/**
 * Where a call stands: the five processes with their steps, the steps of its workflow marked (of
 * every workflow it may still take, before its fork), the current step lit, the fork and its branches shown.
 */
export function Workflow({ call }: { call: DeskCall }) {
  const loaded = useLoad(usmModel, []);
  const m = loaded.data;
  if (m === undefined) return html`<p>Loading the model…</p>`;
  const candidates = m.workflows.filter((w) => (call.workflow === null ? w.startsWith === call.type : w.number === call.workflow));
  const onPath = new Set(candidates.flatMap((w) => w.path.map((p) => `${p.process} ${p.step}`)));
  const fork = m.forks.find((f) => f.type === call.type);
  const chosen = m.workflows.find((w) => w.number === call.workflow);
  return html`
    <p>${chosen !== undefined ? html`Workflow ${chosen.number}: ${chosen.name}.` : `Workflow not decided yet (${candidates.map((w) => w.number).join(' or ')}).`}${' '}
      Now at <strong>${TITLE[call.process]} ${call.step}: ${call.stepName}</strong>.</p>
    <div class="workflow">
      ${m.processes.map(
        (process) => html`<div class="process">
          <h3>${TITLE[process.name]}</h3>
          <ol>
            ${process.steps.map((name, i) => {
              const step = i + 1;
              const current = call.process === process.name && call.step === step;
              const isFork = fork !== undefined && fork.at.process === process.name && fork.at.step === step;
              const classes = [onPath.has(`${process.name} ${step}`) ? 'on-path' : '', current ? 'current' : '', isFork ? 'fork' : ''].filter(Boolean).join(' ');
              return html`<li class=${classes} aria-current=${current ? 'step' : undefined}>
                <span>${step}. ${name}</span>${current ? html` <span class="tag">now</span>` : null}
                ${isFork ? html`<span class="tag">fork: ${fork!.branches.map((b) => `${b.branch} → workflow ${b.workflow}`).join(', ')}</span>` : null}
              </li>`;
            })}
          </ol>
        </div>`,
      )}
    </div>
  `;
}
