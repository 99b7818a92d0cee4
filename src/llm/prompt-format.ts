/** Renders a whole conversation into one prompt string for Triton's generate endpoint. */
import type { PlainTurn } from './conversation.js';

export type PromptFormat = 'chatml' | 'llama3' | 'json-messages';

export interface RenderedPrompt {
  text: string;
  /** End-of-turn marker sent as the `stop` parameter and stripped if the server echoes it. */
  stop?: string;
}

export function renderPrompt(format: PromptFormat, system: string, turns: PlainTurn[]): RenderedPrompt {
  const all: { role: string; content: string }[] = [
    ...(system === '' ? [] : [{ role: 'system', content: system }]),
    ...turns
  ];
  switch (format) {
    case 'chatml':
      return {
        text:
          all.map(m => `<|im_start|>${m.role}\n${m.content}<|im_end|>\n`).join('') +
          '<|im_start|>assistant\n',
        stop: '<|im_end|>'
      };
    case 'llama3':
      return {
        text:
          '<|begin_of_text|>' +
          all.map(m => `<|start_header_id|>${m.role}<|end_header_id|>\n\n${m.content}<|eot_id|>`).join('') +
          '<|start_header_id|>assistant<|end_header_id|>\n\n',
        stop: '<|eot_id|>'
      };
    case 'json-messages':
      // For deployments whose own preprocessing applies the model's chat template to a message list.
      return { text: JSON.stringify(all) };
  }
}
