import { AppConfig, NotFoundError, uuidOrNotFound } from '@ashar/kernel';
import { InjectConfig } from '@ashar/runtime';
import { Injectable } from '@nestjs/common';
import { OPARL_LISTS, OparlExport, OparlList, OparlObject, oparlList, oparlRoot, oparlSystem, PopoloVoteEvent, toOparl } from '../open-data/oparl.mapper';
import { OpenDataQueries } from '../repositories/open-data.queries';

/** Machine-readable kind names for OParl's organizationType/classification (English, like the standard's own words). */
const KIND_LABEL: Record<string, string> = {
  PUBLIC_COUNCIL: 'public council',
  SMALL_PUBLIC_COUNCIL: 'small public council',
  BUDGET_GROUP: 'budget group',
  INITIATIVE_GROUP: 'initiative group',
  WORKING_GROUP: 'working group',
  ADVISORY_GROUP: 'advisory group',
};

/** The councils' open data: OParl 1.1 (objects, lists, a bulk file per body) and Popolo vote events. */
@Injectable()
export class OpenDataService {
  constructor(
    private readonly queries: OpenDataQueries,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  system(): OparlObject {
    return oparlSystem(this.config.publicUrl, new Date());
  }

  /** Every body of the directory as OParl `Body` objects. */
  async bodies(): Promise<ReturnType<typeof oparlList>> {
    const now = new Date();
    const bodies = (await this.queries.allBodies(this.config.publicUrl, kindLabel)).map((src) => toOparl(src, now).body);
    return oparlList(bodies, `${oparlRoot(this.config.publicUrl)}/bodies`);
  }

  async export(bodyId: string): Promise<OparlExport> {
    const src = await this.queries.source(uuidOrNotFound('CouncilBody', bodyId), this.config.publicUrl, kindLabel);
    if (!src) throw new NotFoundError('CouncilBody', bodyId);
    return toOparl(src);
  }

  async list(bodyId: string, list: string): Promise<ReturnType<typeof oparlList>> {
    if (!isList(list)) throw new NotFoundError('OParl list', list);
    const out = await this.export(bodyId);
    return oparlList(out[list], `${out.body.id}/${list}`);
  }

  /** One object by its URL's kind and id (a location is the meeting's). */
  async object(bodyId: string, kind: string, id: string): Promise<OparlObject> {
    const out = await this.export(bodyId);
    const wanted = `${out.body.id}/${kind}/${id}`;
    const pool: OparlObject[] = kind === 'location' ? out.meeting.map((m) => m.location as OparlObject).filter(Boolean) : isList(kind) ? out[kind] : [];
    const found = pool.find((o) => o.id === wanted);
    if (!found) throw new NotFoundError(`OParl ${kind}`, id);
    return found;
  }

  async voteEvents(bodyId: string): Promise<PopoloVoteEvent[]> {
    return (await this.export(bodyId)).voteEvent;
  }
}

function kindLabel(kind: string, custom: string | null): string {
  return kind === 'CUSTOM' ? custom || 'custom' : KIND_LABEL[kind] ?? kind.toLowerCase();
}

function isList(s: string): s is OparlList {
  return (OPARL_LISTS as readonly string[]).includes(s);
}
