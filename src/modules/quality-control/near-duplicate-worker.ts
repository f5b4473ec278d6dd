import { randomUUID } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { NearDuplicateEngine } from './domain/near-duplicate-engine';
import type { EngineReply, EngineRequest, ProposalReply } from './near-duplicate-thread';

/**
 * The near-duplicate thread: holds the campaigns' in-memory indexes and answers proposals, in the
 * order requests arrive, so a proposal always sees every change sent before it.
 */
const port = parentPort!;
const engine = new NearDuplicateEngine(`${randomUUID()}/`);

function answer(request: EngineRequest): unknown {
  switch (request.op) {
    case 'apply':
      return engine.apply(request.campaignId, request.changes);
    case 'propose': {
      const ideas = engine.apply(request.campaignId, request.changes);
      return { ...engine.propose(request.campaignId, request.query), ideas } satisfies ProposalReply;
    }
    case 'release':
      engine.release(request.campaignId, request.ideaId);
      return null;
    case 'drop':
      engine.drop(request.campaignId);
      return null;
  }
}

port.on('message', (request: EngineRequest | 'close') => {
  if (request === 'close') {
    port.close();
    return;
  }
  let reply: EngineReply;
  try {
    reply = { id: request.id, ok: true, value: answer(request) };
  } catch (error) {
    reply = { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
